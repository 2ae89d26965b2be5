package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * The meta-gradient signal g at a policy from a round collected with it (spec §3.7):
 * g(s,a) = ν(s) π(a|s) (Q̂(s,a) − Σ_b π(b|s) Q̂(s,b)), the ν-normalised policy gradient without
 * the 1/(1−γ) factor.
 */
public final class PolicyGradientEstimate
{
    private PolicyGradientEstimate() {}

    public static double[] of(TabularSoftmaxPolicy policy, TabularRound round)
    {
        int actions = policy.actions();
        double[] gradient = new double[policy.states() * actions];
        for (int s = 0; s < policy.states(); s++) {
            double value = 0;
            for (int a = 0; a < actions; a++) {
                value += policy.probability(s, a) * round.q(s, a);
            }
            for (int a = 0; a < actions; a++) {
                gradient[s * actions + a] = round.visitation(s) * policy.probability(s, a) * (round.q(s, a) - value);
            }
        }
        return gradient;
    }
}
