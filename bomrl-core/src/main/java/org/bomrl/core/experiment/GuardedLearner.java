package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A method's learner with its numerical failures named: an {@link ArithmeticException} from a unit
 * (a solver's, CG's, or a {@link GuardedAlgorithm} check's), or a non-finite meta-gradient or return
 * in its outcome, becomes a {@link NumericalFailureException} with the method, the phase the unit
 * was in ({@link UnitPhase}), the meta-iteration and the task. Otherwise forwards unchanged.
 */
final class GuardedLearner
        implements TaskLearner
{
    private final String method;
    private final TaskLearner delegate;

    GuardedLearner(String method, TaskLearner delegate)
    {
        this.method = requireNonNull(method, "method is null");
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public int parameterCount()
    {
        return delegate.parameterCount();
    }

    @Override
    public TrainOutcome train(Task<?, ?> task, double[] phi, ObservationFilter filter, RandomSource stream, int iteration)
    {
        TrainOutcome outcome = guarded(false, OptionalInt.of(iteration), task, () -> delegate.train(task, phi, filter, stream, iteration));
        try {
            GuardedAlgorithm.requireFinite(outcome.metaGradient(), "meta-gradient");
        }
        catch (ArithmeticException e) {
            throw failure("hypergradient", OptionalInt.of(iteration), task, e);
        }
        if (!Double.isFinite(outcome.priorReturn())) {
            throw new NumericalFailureException(method, "data with π_φ", OptionalInt.of(iteration), Optional.of(task.id()), "the return of π_φ is " + outcome.priorReturn());
        }
        if (!Double.isFinite(outcome.adaptedReturn())) {
            throw new NumericalFailureException(method, "data with π_θ (after the lower level)", OptionalInt.of(iteration), Optional.of(task.id()),
                    "the return of π_θ is " + outcome.adaptedReturn());
        }
        return outcome;
    }

    /** {@code call} with its phase recorded ({@link UnitPhase}, meta-test when {@code test}); an arithmetic failure becomes one naming method, phase, iteration and task. */
    private <T> T guarded(boolean test, OptionalInt iteration, Task<?, ?> task, Supplier<T> call)
    {
        UnitPhase phase = UnitPhase.open(test);
        try {
            return call.get();
        }
        catch (NumericalFailureException e) {
            throw e;
        }
        catch (ArithmeticException e) {
            throw failure(phase.phase(), iteration, task, e);
        }
        finally {
            UnitPhase.close();
        }
    }

    @Override
    public TestOutcome test(Task<?, ?> task, double[] phi, ObservationFilter filter, int rounds, RandomSource stream)
    {
        TestOutcome outcome = guarded(true, OptionalInt.empty(), task, () -> delegate.test(task, phi, filter, rounds, stream));
        for (int k = 0; k < outcome.returns().length; k++) {
            if (!Double.isFinite(outcome.returns()[k])) {
                throw new NumericalFailureException(method, "meta-test round " + k, OptionalInt.empty(), Optional.of(task.id()),
                        "the return of π^(" + k + ") is " + outcome.returns()[k]);
            }
        }
        return outcome;
    }

    @Override
    public Option<ObservationFilterSettings> observationFilter()
    {
        return delegate.observationFilter();
    }

    @Override
    public ObservationStatistics observe(Task<?, ?> task, double[] phi, int episodes, RandomSource stream)
    {
        return delegate.observe(task, phi, episodes, stream);
    }

    @Override
    public List<TrainOutcome> prepare(List<TrainOutcome> outcomes)
    {
        return delegate.prepare(outcomes);
    }

    @Override
    public Option<MetaSurrogate> surrogate(double[] phi, List<TrainOutcome> outcomes)
    {
        return delegate.surrogate(phi, outcomes);
    }

    private NumericalFailureException failure(String phase, OptionalInt iteration, Task<?, ?> task, ArithmeticException cause)
    {
        NumericalFailureException failure = new NumericalFailureException(method, phase, iteration, Optional.of(task.id()), detail(cause, phase, task.id()));
        failure.initCause(cause);
        return failure;
    }

    /** The failing computation's message without the phase and task it may name itself (they lead the failure's message). */
    private static String detail(ArithmeticException cause, String phase, String taskId)
    {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        detail = detail.replace(", task " + taskId + ":", ":");
        if (detail.startsWith(phase + ", ") || detail.startsWith(phase + ": ")) {
            detail = detail.substring(phase.length() + 2);
        }
        return detail;
    }
}
