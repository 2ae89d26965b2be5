package org.bomrl.core.train;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.rollout.ExactRound;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.ImprovementBound;
import org.bomrl.numerics.tabular.OptimalValues;
import org.bomrl.numerics.tabular.PolicyEvaluation;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A rigorous upper bound on the mean optimality gap after one exact adaptation step,
 * mean_τ [ J*_τ − J_τ(π_φ) − LB_τ(π^(1), π_φ) ], with LB the improvement lower bound of
 * {@link ImprovementBound} (CPO Corollary 1) and π^(1) = Alg(π_φ, exact round). Defined for
 * infinite-horizon tasks only; empty otherwise.
 */
public final class RigorousGapBound
{
    private RigorousGapBound() {}

    public static OptionalDouble afterOneStep(List<Task<Integer, Integer>> tasks, TabularSoftmaxPolicy prior, TabularAdaptation algorithm)
    {
        double total = 0;
        for (Task<Integer, Integer> task : tasks) {
            TabularMdp mdp = task.exactModel().get();
            if (mdp.finiteHorizon()) {
                return OptionalDouble.empty();
            }
            double[] policy = prior.probabilities();
            Evaluation evaluation = new PolicyEvaluation(mdp).evaluate(policy);
            TabularSoftmaxPolicy adapted = algorithm.adapt(prior, ExactRound.of(mdp, prior));
            total += OptimalValues.of(mdp).value() - evaluation.value() - ImprovementBound.lowerBound(mdp, evaluation, policy, adapted.probabilities());
        }
        return OptionalDouble.of(total / tasks.size());
    }
}
