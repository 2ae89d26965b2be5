package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;

/**
 * One task's contribution to the meta-update (spec §3.2, §3.5 step 7): h = (∂θ/∂φ)ᵀ ∇_θ J(θ) and
 * the task's term ℓ_τ(φ') of the outer surrogate loss, whose gradient at the current φ is −h
 * (for BO-MRL ℓ_τ(φ') = −∇_θ D(φ', θ)·x with x = H⁻¹(−∇_θ J)). A trust-region outer step
 * line-searches on (1/B) Σ_τ ℓ_τ. Not thread-safe.
 */
@Experimental(since = "0.2")
public interface MetaGradient
{
    /** h, the ascent direction of J_τ(Alg(π_φ, τ)) in φ; owned by this object, not modified by readers. */
    double[] h();

    /** Whether the solve behind h stopped early at negative curvature (an approximation; counted in diagnostics). */
    default boolean truncated()
    {
        return false;
    }

    /** ℓ_τ(φ'), with ∇ℓ_τ(φ) = −h at the current φ. */
    double surrogateLoss(double[] phi);
}
