package org.bomrl.api.policy;

import org.bomrl.api.Experimental;
import org.bomrl.api.data.TrajectoryBatch;

/**
 * A policy class with the batch derivatives of the score ℓ_i(θ) = log π_θ(a_i|s_i) over the rows
 * of a {@link TrajectoryBatch} (spec §2.5, §3.5). Any per-sample objective Σ_i f_i(ℓ_i(θ)) then has
 * gradient Σ_i f_i' ∇ℓ_i and Hessian-vector product Σ_i f_i'' (∇ℓ_i·v) ∇ℓ_i + f_i' ∇²ℓ_i v, which
 * {@link #scoreHessianVector} returns in one call. Hessian-vector products are exact (R-operator),
 * never finite differences. Outputs go to caller-owned arrays; inputs are not modified.
 */
@Experimental(since = "0.2")
public interface DifferentiablePolicy
        extends PolicyClass
{
    /** out[i] = ℓ_i(θ) = log π_θ(a_i|s_i) for every row i of the batch. */
    void logProbabilities(double[] theta, TrajectoryBatch batch, double[] out);

    /** out = Σ_i w_i ∇_θ ℓ_i(θ) (overwritten); also writes ℓ_i to {@code logProbabilities} when it is not null. */
    void scoreGradient(double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities);

    /**
     * out = Σ_i [ second_i (∇ℓ_i·v) ∇ℓ_i + first_i ∇²ℓ_i v ] (overwritten): the exact
     * Hessian-vector product of Σ_i f_i(ℓ_i) when first = f', second = f''.
     */
    void scoreHessianVector(double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out);
}
