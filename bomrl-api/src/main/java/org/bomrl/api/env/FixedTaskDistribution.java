package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A task distribution given by fixed train and test task lists (uniform sampling over the train
 * tasks), the common case for benchmark task families. Immutable.
 */
@Stable(since = "0.1")
public record FixedTaskDistribution<O, A>(List<Task<O, A>> trainTasks, List<Task<O, A>> testTasks, String fingerprint)
        implements TaskDistribution<O, A>
{
    public FixedTaskDistribution
    {
        trainTasks = List.copyOf(requireNonNull(trainTasks, "trainTasks is null"));
        testTasks = List.copyOf(requireNonNull(testTasks, "testTasks is null"));
        requireNonNull(fingerprint, "fingerprint is null");
        if (trainTasks.isEmpty() || testTasks.isEmpty()) {
            throw new IllegalArgumentException("a task distribution needs train and test tasks: " + trainTasks.size() + " train, " + testTasks.size() + " test");
        }
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint is blank");
        }
    }

    /** Train tasks = test tasks. */
    public static <O, A> FixedTaskDistribution<O, A> of(List<? extends Task<O, A>> tasks, String fingerprint)
    {
        List<Task<O, A>> copy = List.copyOf(tasks);
        return new FixedTaskDistribution<>(copy, copy, fingerprint);
    }
}
