package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.List;
import java.util.function.ToDoubleFunction;

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
     * The meta-batch's meta-gradients after a step over the whole batch, in task order; the
     * identity by default. E-MAML standardises the post-update returns over the batch here
     * (spec §7.3). Returns a list of the same length; unchanged entries may be returned as they are.
     */
    default List<MetaGradient> prepareMetaBatch(List<MetaGradient> metaBatch)
    {
        return metaBatch;
    }

    /**
     * The task's term ℓ_τ(φ') of the outer surrogate loss (spec §3.5 step 7), whose gradient at the
     * φ the meta-gradient was computed at is −h; {@code batch} is the pre-adaptation batch. A
     * trust-region outer step line-searches on (1/B) Σ_τ ℓ_τ.
     */
    double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient);

    /**
     * θ for meta-test round {@code round} (0 for the first adaptation from π_φ, then one per later
     * round, spec §2.6), for algorithms whose step depends on the round (MAML-TRPO's α then α/2,
     * spec §7.3). By default {@link #adapt}.
     */
    default AdaptationResult adaptRound(int round, GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        if (round < 0) {
            throw new IllegalArgumentException("round is negative: " + round);
        }
        return adapt(policy, phi, batch, advantages);
    }

    /**
     * h with the post-update batch D' (collected with π_θ, its log-probabilities those of θ) and its
     * advantages Â', for algorithms whose outer objective is evaluated on D' itself (ProMP's clipped
     * objective, E-MAML's exploration term, spec §7.3). By default g = (1/N') Σ_j Â'_j ∇_θ log π_θ(a_j|s_j)
     * and {@link #metaGradient(GaussianPolicy, double[], AdaptationResult, TrajectoryBatch, double[], double[])}.
     */
    default MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
    {
        int n = adaptedBatch.steps();
        if (adaptedAdvantages.length != n) {
            throw new IllegalArgumentException("adaptedAdvantages has " + adaptedAdvantages.length + " entries for a post-update batch of " + n + " steps");
        }
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            weights[j] = adaptedAdvantages[j] / n;
        }
        double[] gradient = new double[adapted.theta().length];
        policy.scoreGradient(adapted.theta(), adaptedBatch, weights, gradient, null);
        return metaGradient(policy, phi, adapted, batch, advantages, gradient);
    }

    /**
     * ℓ_τ as a function of φ', prepared once per meta-iteration for the evaluations of the outer
     * step's line search (spec §3.5 step 8): an algorithm may compute there what does not depend on
     * φ' (e.g. the adapted policy's outputs on the batch). Equals {@link #surrogateLoss} up to
     * rounding; by default each evaluation calls it. The returned function is used by one thread at
     * a time.
     */
    default ToDoubleFunction<double[]> surrogateTerm(GaussianPolicy policy, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        return phiPrime -> surrogateLoss(policy, phiPrime, batch, metaGradient);
    }

    /**
     * out = ∇_φ' ℓ_τ(φ') of {@link #surrogateLoss} (overwritten), for outer optimisers that descend
     * the surrogate over several epochs (ProMP, spec §7.3).
     *
     * @throws UnsupportedOperationException when the algorithm does not provide it (the default)
     */
    default void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
    {
        throw new UnsupportedOperationException(getClass().getName() + " provides no gradient of its outer surrogate");
    }
}
