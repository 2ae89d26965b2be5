package org.bomrl.api.distance;

import org.bomrl.api.Experimental;

/**
 * A tabular-softmax distance D(θ, φ) = Σ_s ν(s) d(θ_s, φ_s), given by its per-state term d
 * (spec §2.3–§2.4). Arguments are the logits of one state, θ_s = {@code theta[offset … offset+|A|-1]}
 * and likewise φ_s; they are not modified. Outputs are written to caller-owned arrays and
 * nothing is allocated. Implementations are stateless and thread-safe.
 *
 * <p>Required properties (checked by the contract tests): d ≥ 0, d(θ_s, θ_s) = 0, and the
 * derivatives below agree with central differences of {@link #value}.
 */
@Experimental(since = "0.1")
public interface TabularDistance
{
    /** d(θ_s, φ_s). */
    double value(double[] theta, double[] phi, int offset, int actions);

    /** out[i] = ∂d/∂θ_{s,i}. */
    void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out);

    /** out[i] = ∂d/∂φ_{s,i}. */
    void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out);

    /** out[i·|A| + j] = ∂²d/∂θ_{s,i}∂θ_{s,j}. */
    void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out);

    /** out[i·|A| + j] = ∂²d/∂θ_{s,i}∂φ_{s,j} (the cross term with respect to the prior). */
    void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out);

    /**
     * Whether d depends on the logits only through the probabilities softmax(θ_s), softmax(φ_s).
     * Such distances are invariant to adding a constant to a state's logits, so their Hessians
     * are singular along 1 and solvers must work on 1^⊥ (spec §3.4).
     */
    boolean shiftInvariant();
}
