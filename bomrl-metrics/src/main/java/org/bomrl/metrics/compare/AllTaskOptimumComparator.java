package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.numerics.tabular.OptimalValues;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The all-task optimum comparator (spec §1.3): J_ref(τ) = J_τ(π*_τ) = max_π J_τ(π), each task's
 * own optimal value, computed exactly from the task's tabular model by backward induction (finite
 * horizon) or policy iteration ({@link OptimalValues#of}). Tasks without an exact model are
 * rejected: their optimum needs an analytic or oracle policy, which this comparator does not have.
 * Stateless and thread-safe.
 */
final class AllTaskOptimumComparator
        implements OptimalityComparator
{
    static final String NAME = "compare.all-task-optimum";

    @Override
    public String label()
    {
        return "all-task optimum";
    }

    /**
     * @throws IllegalArgumentException naming the first task without an exact model
     * @throws ArithmeticException if a task's optimal values cannot be computed
     */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        requireNonNull(tasks, "tasks is null");
        double[] values = new double[tasks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = OptimalValues.of(exactModel(tasks.get(i))).value();
        }
        return values;
    }

    private static TabularMdp exactModel(Task<?, ?> task)
    {
        requireNonNull(task, "task is null");
        return task.exactModel().getOrElseThrow(() -> new IllegalArgumentException("task '" + task.id()
                + "' has no exact model: the all-task optimum comparator computes J*_τ from tabular models only;"
                + " a non-tabular task needs an oracle comparator that knows its optimal policy"));
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
