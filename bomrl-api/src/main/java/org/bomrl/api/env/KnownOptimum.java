package org.bomrl.api.env;

import org.bomrl.api.Experimental;

/**
 * A task capability ({@link Task#capability}): the task's own optimum J_τ(π*_τ) = max_π J_τ(π)
 * is known in closed form or by an exact recursion, so the all-task optimum comparator (spec §1.3)
 * can measure the optimality gap of non-tabular tasks. Immutable and thread-safe.
 */
@Experimental(since = "0.2")
public interface KnownOptimum
{
    /**
     * J*_τ = max_π E[Σ_{t=0}^{H−1} γ^t r_t]: the expected discounted return of an optimal policy
     * from the task's initial distribution over its horizon H, with the task's discount γ, in the
     * units of the environment's rewards. Finite.
     */
    double optimalReturn();
}
