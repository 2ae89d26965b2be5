package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * P(Γ): a distribution over tasks with explicit train and test sets. Immutable and thread-safe.
 */
@Stable(since = "0.1")
public interface TaskDistribution<O, A>
{
    /** Tasks meta-training samples from. Never empty. */
    List<Task<O, A>> trainTasks();

    /** Tasks meta-testing evaluates. Never empty; may equal {@link #trainTasks()}. */
    List<Task<O, A>> testTasks();

    /** Draws one training task; the default is uniform over {@link #trainTasks()}. */
    default Task<O, A> sample(RandomGenerator random)
    {
        List<Task<O, A>> tasks = trainTasks();
        return tasks.get(random.nextInt(tasks.size()));
    }

    /**
     * A stable hash of everything that defines the distribution (parameters, ranges, horizon,
     * reward version), recorded with every result; see {@link Fingerprint}.
     */
    String fingerprint();

    /** Whether every task exposes {@link Task#exactModel()}. */
    default boolean tabular()
    {
        return trainTasks().stream().allMatch(task -> task.exactModel().isDefined())
                && testTasks().stream().allMatch(task -> task.exactModel().isDefined());
    }
}
