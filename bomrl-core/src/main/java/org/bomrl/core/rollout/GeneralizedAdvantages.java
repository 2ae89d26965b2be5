package org.bomrl.core.rollout;

import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.stats.Standardisation;

/**
 * Generalised advantage estimation (Schulman et al. 2016) on the linear feature baseline, as the
 * MAML / ProMP reference code (spec §7.3): δ_t = r_t + γ V(s_{t+1}) − V(s_t), Â_t = Σ_l (γλ)^l δ_{t+l}
 * within each episode, with V after the last step 0 on termination and the baseline's value
 * otherwise (extrapolated one step; the bootstrap tail, when collected, replaces it); optionally
 * standardised over the batch, Â ← (Â − mean) / (std + 1e-8). λ = 1 and V ≡ 0 give the
 * Monte-Carlo returns.
 */
public final class GeneralizedAdvantages
        implements AdvantageEstimator
{
    private final double gamma;
    private final double lambda;
    private final boolean standardise;

    public GeneralizedAdvantages(double gamma, double lambda, boolean standardise)
    {
        if (!(gamma >= 0 && gamma <= 1) || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("γ and λ must be in [0, 1]: " + gamma + ", " + lambda);
        }
        this.gamma = gamma;
        this.lambda = lambda;
        this.standardise = standardise;
    }

    @Override
    public double[] advantages(Rollouts rollouts)
    {
        TrajectoryBatch batch = rollouts.batch();
        double[] values = LinearFeatureBaseline.fitAndPredict(batch, MonteCarloAdvantages.returns(rollouts, gamma));
        return standardised(estimate(rollouts, values));
    }

    /** Â from given baseline values V(s_i) per row. */
    double[] estimate(Rollouts rollouts, double[] values)
    {
        TrajectoryBatch batch = rollouts.batch();
        double[] rewards = batch.rewards();
        double[] advantages = new double[batch.steps()];
        for (int e = 0; e < batch.episodes(); e++) {
            int first = batch.episodeStart(e);
            int last = batch.episodeStart(e + 1) - 1;
            double nextValue;
            if (batch.terminated()[last]) {
                nextValue = 0;
            }
            else if (rollouts.tailReturns()[e] != 0) {
                nextValue = rollouts.tailReturns()[e];
            }
            else {
                nextValue = values[last];
            }
            double running = 0;
            for (int i = last; i >= first; i--) {
                double delta = rewards[i] + gamma * nextValue - values[i];
                running = delta + gamma * lambda * running;
                advantages[i] = running;
                nextValue = values[i];
            }
        }
        return advantages;
    }

    private double[] standardised(double[] advantages)
    {
        return standardise ? Standardisation.standardised(advantages) : advantages;
    }
}
