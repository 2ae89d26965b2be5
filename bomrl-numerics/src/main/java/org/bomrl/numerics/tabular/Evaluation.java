package org.bomrl.numerics.tabular;

import static java.util.Objects.requireNonNull;

/**
 * The exact evaluation of a policy π in a tabular MDP (spec §1.1).
 *
 * @param v V^π(s) (for a finite horizon H: with H steps to go)
 * @param q Q^π(s,a) at {@code s·|A| + a} (likewise)
 * @param visitation normalised discounted state visitation d^π(s) ∝ Σ_t γ^t Pr(s_t = s), t over the horizon
 * @param value J(π) = Σ_s ρ(s) V^π(s)
 */
public record Evaluation(double[] v, double[] q, double[] visitation, double value)
{
    public Evaluation
    {
        requireNonNull(v, "v is null");
        requireNonNull(q, "q is null");
        requireNonNull(visitation, "visitation is null");
    }
}
