package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.SurrogateGradient;

/**
 * The meta-gradient signal g at a policy from a round collected with it (spec §3.7):
 * g(s,a) = ν(s) π(a|s) (Q̂(s,a) − Σ_b π(b|s) Q̂(s,b)), the ν-normalised policy gradient without
 * the 1/(1−γ) factor ({@link SurrogateGradient}).
 */
public final class PolicyGradientEstimate
{
    private PolicyGradientEstimate() {}

    public static double[] of(TabularSoftmaxPolicy policy, TabularRound round)
    {
        return SurrogateGradient.at(policy.probabilities(), round);
    }
}
