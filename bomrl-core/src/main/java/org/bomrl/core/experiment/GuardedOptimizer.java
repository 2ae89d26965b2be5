package org.bomrl.core.experiment;

import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.OuterOptimizer;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A method's outer optimiser with its numerical failures named (spec §3.1 φ ← φ + β·ĝ, §3.5 the
 * TRPO step): an {@link ArithmeticException} from a step, or a step that leaves φ non-finite,
 * becomes a {@link NumericalFailureException} with the method, phase {@code outer step} and the
 * meta-iteration (steps are counted from the iteration training starts or resumes at).
 */
final class GuardedOptimizer
        implements OuterOptimizer
{
    private final String method;
    private final OuterOptimizer delegate;
    private int iteration;

    /** @param firstIteration the meta-iteration of the first {@link #step} (the resumed checkpoint's iteration count, else 0) */
    GuardedOptimizer(String method, OuterOptimizer delegate, int firstIteration)
    {
        this.method = requireNonNull(method, "method is null");
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.iteration = firstIteration;
    }

    @Override
    public void step(double[] phi, MetaStep step)
    {
        int t = iteration++;
        try {
            delegate.step(phi, step);
            GuardedAlgorithm.requireFinite(phi, "updated φ");
        }
        catch (NumericalFailureException e) {
            throw e;
        }
        catch (ArithmeticException e) {
            NumericalFailureException failure = new NumericalFailureException(method, "outer step", OptionalInt.of(t), Optional.empty(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public Map<String, double[]> state()
    {
        return delegate.state();
    }

    @Override
    public void restore(Map<String, double[]> state)
    {
        delegate.restore(state);
    }
}
