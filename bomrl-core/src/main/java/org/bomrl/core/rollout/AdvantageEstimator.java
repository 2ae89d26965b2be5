package org.bomrl.core.rollout;

/**
 * Turns a round's trajectories into per-row advantages Â_i (spec §2.2, §3.5 step 1): the paper's
 * Monte-Carlo returns minus the batch mean ({@link MonteCarloAdvantages}), or generalised
 * advantage estimation on a linear feature baseline ({@link GeneralizedAdvantages}), optionally
 * standardised. Stateless and thread-safe.
 */
@FunctionalInterface
public interface AdvantageEstimator
{
    /** Â per row of {@code rollouts}' batch; a new array. */
    double[] advantages(Rollouts rollouts);

    /** The paper's estimator: Â = Q̂ − mean Q̂ with Q̂ the discounted return and the bootstrap tail (spec §5b). */
    static AdvantageEstimator batchMean(double gamma)
    {
        return rollouts -> MonteCarloAdvantages.advantages(rollouts, gamma);
    }
}
