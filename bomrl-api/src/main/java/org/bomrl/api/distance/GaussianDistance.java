package org.bomrl.api.distance;

import org.bomrl.api.Experimental;
import org.bomrl.api.policy.GaussianPolicy;

/**
 * A distance D(θ, φ) between an adapted Gaussian policy π_θ and a prior π_φ of the same class,
 * averaged over the n states of {@code observations} (row-major) as in spec §2.5: index 1
 * mean_i Σ_d KL(N_φ‖N_θ), index 2 mean_i Σ_d KL(N_θ‖N_φ), index 3 Σ_params (θ − φ)². Outputs are
 * written to caller-owned arrays; inputs are not modified. Stateless and thread-safe.
 *
 * <p>Required (checked by the contract tests): D ≥ 0, D(θ, θ) = 0, and every derivative agrees
 * with central differences of {@link #value}.
 */
@Experimental(since = "0.2")
public interface GaussianDistance
{
    double value(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n);

    /** out = ∇_θ D (overwritten). */
    void gradientTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] out);

    /** out = ∇²_θθ D · v (overwritten), exact. */
    void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out);

    /** out = ∇²_φθ D · x = ∇_φ (∇_θ D · x) (overwritten), exact: the cross term of the implicit hypergradient (spec §3.2 (*)). */
    void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out);
}
