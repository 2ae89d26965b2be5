package org.bomrl.core.experiment;

import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A numerical failure (NaN or ∞ in a gradient, a return or a solution; a breakdown of CG or of a
 * linear solve) with where it happened: the method, the phase ({@code lower level},
 * {@code hypergradient}, {@code outer step}, {@code meta-test round k}, …), the meta-iteration and
 * the task. The command line reports it in one line (exit code 1).
 */
public final class NumericalFailureException
        extends ArithmeticException
{
    private final String method;
    private final String phase;
    private final OptionalInt iteration;
    private final Optional<String> task;
    private final String detail;

    /**
     * @param iteration the meta-iteration (0-based), empty in the meta-test
     * @param task the task's id, empty for a step over the whole meta-batch
     * @param detail what went wrong, as the failing computation reported it
     */
    public NumericalFailureException(String method, String phase, OptionalInt iteration, Optional<String> task, String detail)
    {
        super(message(method, phase, iteration, task, detail));
        this.method = requireNonNull(method, "method is null");
        this.phase = requireNonNull(phase, "phase is null");
        this.iteration = requireNonNull(iteration, "iteration is null");
        this.task = requireNonNull(task, "task is null");
        this.detail = requireNonNull(detail, "detail is null");
    }

    private static String message(String method, String phase, OptionalInt iteration, Optional<String> task, String detail)
    {
        StringBuilder text = new StringBuilder("method ").append(method).append(", ").append(phase);
        iteration.ifPresent(t -> text.append(", meta-iteration ").append(t));
        task.ifPresent(id -> text.append(", task ").append(id));
        return text.append(": ").append(detail).toString();
    }

    public String method()
    {
        return method;
    }

    public String phase()
    {
        return phase;
    }

    public OptionalInt iteration()
    {
        return iteration;
    }

    public Optional<String> task()
    {
        return task;
    }

    public String detail()
    {
        return detail;
    }
}
