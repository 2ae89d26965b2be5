package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;

/** An exact round: Q^π, d^π and J(π) from the task's model (episodes = 0). */
public final class ExactRound
{
    private ExactRound() {}

    public static TabularRound of(TabularMdp mdp, TabularSoftmaxPolicy policy)
    {
        Evaluation evaluation = new PolicyEvaluation(mdp).evaluate(policy.probabilities());
        return new TabularRound(policy.states(), policy.actions(), evaluation.q(), evaluation.visitation(), evaluation.value(), 0);
    }
}
