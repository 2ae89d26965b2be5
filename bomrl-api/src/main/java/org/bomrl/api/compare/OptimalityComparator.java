package org.bomrl.api.compare;

import org.bomrl.api.Stable;
import org.bomrl.api.env.Task;

import java.util.List;

/**
 * The reference J_ref(τ) the optimality gap J_ref(τ) − J_τ(π_adapted) is measured against
 * (spec §1.3): each task's own optimum (all-task optimum) or the value of the best single shared
 * policy (meta-parameter comparator). Thread-safe.
 */
@Stable(since = "0.1")
public interface OptimalityComparator
{
    /** Short label for reports, e.g. {@code all-task optimum}. */
    String label();

    /**
     * J_ref(τ) for each task, in order, as the expected discounted return from the initial
     * distribution over the task's horizon.
     *
     * @throws IllegalArgumentException naming the task if the comparator cannot handle it
     */
    double[] referenceValues(List<? extends Task<?, ?>> tasks);

    /**
     * The comparator {@code method}'s gaps are measured against. A comparator whose reference
     * depends on the method (e.g. the best meta-parameter after adaptation with the method's own
     * algorithm, spec §1.3) returns a comparator specialised to it; every other comparator returns
     * itself, the default, and is evaluated once for all methods.
     *
     * @throws IllegalArgumentException naming the method if the comparator cannot handle its algorithm
     */
    default OptimalityComparator forMethod(ComparedMethod method)
    {
        return this;
    }
}
