package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The exact model of a finite MDP M = (S, A, P, r, γ, ρ, H): transition kernel P(s'|s,a), reward
 * r(s,a,s') received on the transition, discount γ ∈ [0,1], initial distribution ρ and horizon H
 * (number of steps per episode, or {@link #INFINITE_HORIZON}). Absorbing states are states whose
 * every action returns to themselves; episodes that the environment terminates early are modelled
 * as absorbing with zero reward. Immutable.
 */
@Stable(since = "0.1")
public final class TabularMdp
{
    /** Marks an infinite-horizon (discounted) MDP; then γ must be below 1. */
    public static final int INFINITE_HORIZON = 0;

    private static final double STOCHASTIC_TOLERANCE = 1e-9;

    private final int states;
    private final int actions;
    private final double[] transition;
    private final double[] reward;
    private final double gamma;
    private final int horizon;
    private final double[] initial;

    /**
     * @param transition P(s'|s,a) at index {@code (s·|A| + a)·|S| + s'}; rows sum to 1
     * @param reward r(s,a,s') at the same index
     * @param initial ρ(s), sums to 1
     */
    public TabularMdp(int states, int actions, double[] transition, double[] reward, double gamma, int horizon, double[] initial)
    {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("MDP needs at least one state and action: |S|=" + states + ", |A|=" + actions);
        }
        int size = states * actions * states;
        requireNonNull(transition, "transition is null");
        requireNonNull(reward, "reward is null");
        requireNonNull(initial, "initial is null");
        if (transition.length != size || reward.length != size || initial.length != states) {
            throw new IllegalArgumentException("MDP arrays have wrong sizes: transition " + transition.length + ", reward " + reward.length
                    + ", initial " + initial.length + " (expected " + size + ", " + size + ", " + states + ")");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1]: " + gamma);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be positive or INFINITE_HORIZON (0): " + horizon);
        }
        if (horizon == INFINITE_HORIZON && gamma >= 1) {
            throw new IllegalArgumentException("an infinite-horizon MDP needs gamma < 1: " + gamma);
        }
        for (int sa = 0; sa < states * actions; sa++) {
            checkDistribution(transition, sa * states, states, "P(.|s=" + sa / actions + ",a=" + sa % actions + ")");
        }
        checkDistribution(initial, 0, states, "initial distribution");
        for (double r : reward) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("reward is not finite: " + r);
            }
        }
        this.states = states;
        this.actions = actions;
        this.transition = transition.clone();
        this.reward = reward.clone();
        this.gamma = gamma;
        this.horizon = horizon;
        this.initial = initial.clone();
    }

    private static void checkDistribution(double[] values, int offset, int length, String what)
    {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            if (!(values[i] >= 0)) {
                throw new IllegalArgumentException(what + " has a negative or NaN entry: " + values[i]);
            }
            sum += values[i];
        }
        if (Math.abs(sum - 1) > STOCHASTIC_TOLERANCE) {
            throw new IllegalArgumentException(what + " sums to " + sum + ", not 1");
        }
    }

    public int states()
    {
        return states;
    }

    public int actions()
    {
        return actions;
    }

    public double gamma()
    {
        return gamma;
    }

    /** Steps per episode, or {@link #INFINITE_HORIZON}. */
    public int horizon()
    {
        return horizon;
    }

    public boolean finiteHorizon()
    {
        return horizon != INFINITE_HORIZON;
    }

    /** P(next | state, action). */
    public double transition(int state, int action, int next)
    {
        return transition[(state * actions + action) * states + next];
    }

    /** r(state, action, next). */
    public double reward(int state, int action, int next)
    {
        return reward[(state * actions + action) * states + next];
    }

    /** Expected one-step reward r(s,a) = Σ_s' P(s'|s,a) r(s,a,s'). */
    public double expectedReward(int state, int action)
    {
        int base = (state * actions + action) * states;
        double sum = 0;
        for (int next = 0; next < states; next++) {
            sum += transition[base + next] * reward[base + next];
        }
        return sum;
    }

    /** ρ(state). */
    public double initial(int state)
    {
        return initial[state];
    }

    /** A copy of P, laid out as in the constructor. */
    public double[] transitions()
    {
        return transition.clone();
    }

    /** A copy of r(s,a,s'), laid out as in the constructor. */
    public double[] rewards()
    {
        return reward.clone();
    }

    /** A copy of ρ. */
    public double[] initialDistribution()
    {
        return initial.clone();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TabularMdp m && states == m.states && actions == m.actions && gamma == m.gamma && horizon == m.horizon
                && Arrays.equals(transition, m.transition) && Arrays.equals(reward, m.reward) && Arrays.equals(initial, m.initial);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(new int[] {states, actions, horizon, Double.hashCode(gamma), Arrays.hashCode(transition), Arrays.hashCode(reward)});
    }

    @Override
    public String toString()
    {
        return "TabularMdp[|S|=" + states + ", |A|=" + actions + ", gamma=" + gamma + ", horizon=" + (finiteHorizon() ? horizon : "infinite") + "]";
    }
}
