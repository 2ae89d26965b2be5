package org.bomrl.core.rollout;

/** How a round's Q and ν are obtained (DESIGN "Numerics"). */
public enum RoundMode
{
    /** Rollouts of the data policy, expected-SARSA TD(0) Q̂ and empirical discounted visitation (spec §5a). */
    ESTIMATED,
    /** True Q^π and d^π from the task's exact model. */
    EXACT
}
