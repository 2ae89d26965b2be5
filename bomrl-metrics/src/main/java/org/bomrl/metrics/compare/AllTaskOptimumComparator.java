package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.KnownOptimum;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.numerics.lq.RiccatiOptimum;
import org.bomrl.numerics.tabular.OptimalValues;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The all-task optimum comparator (spec §1.3): J_ref(τ) = J_τ(π*_τ) = max_π J_τ(π), each task's
 * own optimal value, taken from the first of: the task's {@link KnownOptimum} capability (a closed
 * form the task knows); its {@link LinearQuadraticModel} capability, solved by the discounted
 * Riccati recursion ({@link RiccatiOptimum}); its exact tabular model, by backward induction
 * (finite horizon) or policy iteration ({@link OptimalValues#of}). Tasks with none of these are
 * rejected: their optimum needs an oracle policy, which this comparator does not have.
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
     * @throws IllegalArgumentException naming the first task with neither a known optimum nor an exact model
     * @throws ArithmeticException if a task's optimal values cannot be computed
     */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        requireNonNull(tasks, "tasks is null");
        double[] values = new double[tasks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = optimum(tasks.get(i));
        }
        return values;
    }

    private static double optimum(Task<?, ?> task)
    {
        requireNonNull(task, "task is null");
        Option<KnownOptimum> known = task.capability(KnownOptimum.class);
        if (known.isDefined()) {
            return known.get().optimalReturn();
        }
        Option<LinearQuadraticModel> linearQuadratic = task.capability(LinearQuadraticModel.class);
        if (linearQuadratic.isDefined()) {
            return RiccatiOptimum.solve(linearQuadratic.get()).optimalReturn();
        }
        Option<TabularMdp> model = task.exactModel();
        if (model.isDefined()) {
            return OptimalValues.of(model.get()).value();
        }
        throw new IllegalArgumentException("task '" + task.id() + "' has no known optimum, linear-quadratic model or exact tabular model:"
                + " the all-task optimum comparator cannot compute J*_τ for it; such a task needs an oracle comparator that knows its optimal policy");
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
