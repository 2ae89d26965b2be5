package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;

/**
 * Optimal values of a tabular MDP: V*, Q*, a greedy optimal deterministic policy and
 * J* = Σ_s ρ(s) V*(s); by backward induction for finite horizons (V* with H steps to go,
 * greedy policy of the first step) and by policy iteration for infinite horizons.
 *
 * @param greedy an optimal action per state
 */
public record OptimalValues(double[] v, double[] q, int[] greedy, double value)
{
    /** Computes the optimal values of {@code mdp}. */
    public static OptimalValues of(TabularMdp mdp)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
