package org.bomrl.core.train;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.numerics.tabular.Softmax;

import java.util.List;

/**
 * The dashed bound line of the paper's gap panels, by the recipe of spec §4: π̂*_τ is the policy
 * after R successive adaptation rounds from π_φ; KL̄ = mean_τ Σ_s ν_φ(s) KL_s with ν_φ the
 * visitation of the first round and KL_s = Σ_a p_a log(p_a / q_a) on probabilities clipped to
 * [c, 1] (not renormalised, as the paper's script), where (p, q) = (π̂*_τ, π_φ) for the Alg(1)
 * recipe and (π_φ, π̂*_τ) for Alg(2); the line is factor · KL̄. This reproduces the paper's
 * script, which is not a proven bound.
 */
public final class BoundRecipe
{
    private BoundRecipe() {}

    /** Which KL the recipe averages. */
    public enum Direction
    {
        /** KL(π̂*‖π_φ), the paper's Alg(1) recipe. */
        OPTIMUM_PRIOR,
        /** KL(π_φ‖π̂*), the paper's Alg(2) recipe. */
        PRIOR_OPTIMUM
    }

    public static double line(List<Task<Integer, Integer>> tasks, TabularSoftmaxPolicy prior, TabularAdaptation algorithm, int adaptationRounds,
            Direction direction, double clip, double factor, Rounds rounds, RandomSource random)
    {
        double[] phi = prior.probabilities();
        int actions = prior.actions();
        double total = 0;
        for (int j = 0; j < tasks.size(); j++) {
            RandomSource stream = random.derive("task").derive(j);
            TabularRound first = rounds.collect(tasks.get(j), prior, stream.derive(0));
            TabularSoftmaxPolicy policy = algorithm.adapt(prior, first);
            for (int k = 1; k < adaptationRounds; k++) {
                policy = algorithm.adapt(policy, rounds.collect(tasks.get(j), policy, stream.derive(k)));
            }
            double[] optimum = policy.probabilities();
            for (int s = 0; s < prior.states(); s++) {
                double divergence = direction == Direction.OPTIMUM_PRIOR
                        ? Softmax.clippedKl(optimum, phi, s * actions, actions, clip)
                        : Softmax.clippedKl(phi, optimum, s * actions, actions, clip);
                total += first.visitation(s) * divergence;
            }
        }
        return factor * total / tasks.size();
    }

}
