package org.bomrl.core.train;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.rollout.Rounds;

import java.util.List;

/**
 * The dashed bound line of the paper's gap panels, by the recipe of spec §4: π̂*_τ is the policy
 * after R successive adaptation rounds from π_φ; KL̄ = mean_τ Σ_s ν_φ(s) d(π̂*_τ(·|s), π_φ(·|s))
 * with ν_φ the visitation of the first round and both policies clipped to [c, 1] before the logs;
 * the line is factor · KL̄. This is the recipe of the paper's script, not a proven bound.
 */
public final class BoundRecipe
{
    private BoundRecipe() {}

    public static double line(List<Task<Integer, Integer>> tasks, TabularSoftmaxPolicy prior, TabularAdaptation algorithm, int adaptationRounds,
            TabularDistance distance, double clip, double factor, Rounds rounds, RandomSource random)
    {
        double[] phi = clippedLogits(prior, clip);
        double total = 0;
        for (int j = 0; j < tasks.size(); j++) {
            RandomSource stream = random.derive("task").derive(j);
            TabularRound first = rounds.collect(tasks.get(j), prior, stream.derive(0));
            TabularSoftmaxPolicy policy = algorithm.adapt(prior, first);
            for (int k = 1; k < adaptationRounds; k++) {
                policy = algorithm.adapt(policy, rounds.collect(tasks.get(j), policy, stream.derive(k)));
            }
            double[] theta = clippedLogits(policy, clip);
            double divergence = 0;
            for (int s = 0; s < prior.states(); s++) {
                divergence += first.visitation(s) * distance.value(theta, phi, s * prior.actions(), prior.actions());
            }
            total += divergence;
        }
        return factor * total / tasks.size();
    }

    private static double[] clippedLogits(TabularSoftmaxPolicy policy, double clip)
    {
        double[] probabilities = policy.probabilities();
        double[] logits = new double[probabilities.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.log(Math.min(1, Math.max(clip, probabilities[i])));
        }
        return logits;
    }
}
