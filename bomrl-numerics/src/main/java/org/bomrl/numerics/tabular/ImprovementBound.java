package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;

/**
 * A rigorous lower bound on the improvement of a policy π' over π in an infinite-horizon
 * discounted MDP (Achiam et al. 2017, CPO Corollary 1; cf. spec §2.1):
 * <pre>
 * J(π') − J(π) ≥ (1/(1−γ)) Σ_s d^π(s) [ Σ_a π'(a|s) A^π(s,a) − (2γε/(1−γ)) TV_s(π', π) ],
 * ε = max_s |Σ_a π'(a|s) A^π(s,a)|,  TV_s = ½ Σ_a |π'(a|s) − π(a|s)|,
 * </pre>
 * with d^π the normalised discounted visitation from ρ. It turns into a rigorous upper bound on the
 * optimality gap after one adaptation step, J* − J(π') ≤ J* − J(π) − bound. Valid only for
 * infinite horizons (the finite-horizon case is not covered by the theorem).
 */
public final class ImprovementBound
{
    private ImprovementBound() {}

    /**
     * @param evaluation the exact evaluation of π in {@code mdp}
     * @param policy π(a|s) (not modified)
     * @param improved π'(a|s) (not modified)
     */
    public static double lowerBound(TabularMdp mdp, Evaluation evaluation, double[] policy, double[] improved)
    {
        if (mdp.finiteHorizon()) {
            throw new IllegalArgumentException("the improvement bound holds for infinite-horizon MDPs only; this one has horizon " + mdp.horizon());
        }
        int actions = mdp.actions();
        double gamma = mdp.gamma();
        double epsilon = 0;
        double surrogate = 0;
        double divergence = 0;
        for (int s = 0; s < mdp.states(); s++) {
            double advantage = 0;
            double totalVariation = 0;
            for (int a = 0; a < actions; a++) {
                int sa = s * actions + a;
                advantage += improved[sa] * (evaluation.q()[sa] - evaluation.v()[s]);
                totalVariation += 0.5 * Math.abs(improved[sa] - policy[sa]);
            }
            epsilon = Math.max(epsilon, Math.abs(advantage));
            surrogate += evaluation.visitation()[s] * advantage;
            divergence += evaluation.visitation()[s] * totalVariation;
        }
        return (surrogate - 2 * gamma * epsilon / (1 - gamma) * divergence) / (1 - gamma);
    }
}
