package org.bomrl.core.rollout;

import org.bomrl.api.data.TrajectoryBatch;

/**
 * Discounted Monte-Carlo returns with the bootstrap continuation of spec §5b and the batch-mean
 * baseline of spec §2.2: per episode Q̂_T = tail return, Q̂_t = r_t + γ Q̂_{t+1} backwards, then
 * Â_i = Q̂_i − mean_j Q̂_j over all rows (no standardisation).
 */
public final class MonteCarloAdvantages
{
    private MonteCarloAdvantages() {}

    /** Q̂ per row. */
    public static double[] returns(Rollouts rollouts, double gamma)
    {
        TrajectoryBatch batch = rollouts.batch();
        double[] rewards = batch.rewards();
        double[] q = new double[batch.steps()];
        for (int e = 0; e < batch.episodes(); e++) {
            double next = rollouts.tailReturns()[e];
            for (int i = batch.episodeStart(e + 1) - 1; i >= batch.episodeStart(e); i--) {
                next = rewards[i] + gamma * next;
                q[i] = next;
            }
        }
        return q;
    }

    /** Â = Q̂ − mean(Q̂) per row. */
    public static double[] advantages(Rollouts rollouts, double gamma)
    {
        double[] q = returns(rollouts, gamma);
        double mean = 0;
        for (double value : q) {
            mean += value;
        }
        mean /= q.length;
        for (int i = 0; i < q.length; i++) {
            q[i] -= mean;
        }
        return q;
    }
}
