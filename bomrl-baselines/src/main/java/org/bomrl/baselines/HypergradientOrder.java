package org.bomrl.baselines;

/** How the meta-gradient is carried through the inner policy-gradient step θ = φ + α h(φ) (spec §7.3). */
enum HypergradientOrder
{
    /** h_meta = g: the Jacobian ∂θ/∂φ taken as the identity (FO-MAML). */
    FIRST,
    /** h_meta = (I + α ∇²_φ Ŝ(φ))ᵀ g: the exact Jacobian of the inner step with the data held fixed (MAML). */
    SECOND
}
