package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

/**
 * A within-task algorithm on Gaussian policies and its meta-gradient, in the garage shape (spec
 * §2.5, §3.5): the framework collects a batch with π_φ and estimates per-row advantages Â; then
 * {@link #adapt} gives θ = Alg(π_φ, τ) on that batch; the framework collects with π_θ and
 * estimates g = ∇_θ J(θ); {@link #metaGradient} gives h = (∂θ/∂φ)ᵀ g with the data held fixed.
 * Immutable and thread-safe; called concurrently for different tasks.
 */
@Experimental(since = "0.2")
public interface GaussianAdaptation
{
    /**
     * θ = Alg(π_φ, τ) on {@code batch} (collected with π_φ; its data log-probabilities are held
     * fixed) with advantages Â_i per row.
     *
     * @throws ArithmeticException naming the iteration and quantity when the solver meets NaN or diverges
     */
    AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages);

    /**
     * h = (∂θ/∂φ)ᵀ g for g = ∇_θ J(θ) at the adapted parameters, on the same batch and advantages
     * as {@link #adapt}.
     *
     * @throws ArithmeticException when a linear solve fails (negative curvature without damping, NaN)
     */
    MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient);

    /**
     * The task's term ℓ_τ(φ') of the outer surrogate loss (spec §3.5 step 7), whose gradient at the
     * φ the meta-gradient was computed at is −h; {@code batch} is the pre-adaptation batch. A
     * trust-region outer step line-searches on (1/B) Σ_τ ℓ_τ.
     */
    double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient);
}
