package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * P(Γ): a distribution over tasks, with a fixed set of test tasks and either a list of train tasks
 * or a sampler over continuous ranges ({@link SampledTaskDistribution}). Immutable and thread-safe.
 */
@Stable(since = "0.1")
public interface TaskDistribution<O, A>
{
    /**
     * Tasks meta-training samples from, for distributions given by a list; empty for families that
     * draw tasks from continuous ranges (they override {@link #sampleTrainTasks}).
     */
    List<Task<O, A>> trainTasks();

    /** Tasks meta-testing evaluates. Never empty; may equal {@link #trainTasks()}. */
    List<Task<O, A>> testTasks();

    /**
     * The largest meta-batch {@link #sampleTrainTasks} honours: the size of {@link #trainTasks()} for
     * the default draw without replacement, unbounded for families over continuous ranges (no list).
     * A distribution that overrides {@link #sampleTrainTasks} to draw a list with replacement (or in a
     * cycle) overrides this to {@link Integer#MAX_VALUE}.
     */
    default int maxTasksPerIteration()
    {
        List<Task<O, A>> tasks = trainTasks();
        return tasks.isEmpty() ? Integer.MAX_VALUE : tasks.size();
    }

    /**
     * The training tasks of one meta-iteration (spec §3.1: τ_1 … τ_B ∼ P(Γ)). The default draws
     * {@code min(count, |train|)} distinct tasks from {@link #trainTasks()} by the first
     * {@code count} swaps of a seeded Fisher–Yates shuffle; families over continuous ranges draw
     * {@code count} independent tasks. Equal generators give equal lists.
     */
    default List<Task<O, A>> sampleTrainTasks(int count, SplittableRandom random)
    {
        List<Task<O, A>> tasks = trainTasks();
        int n = tasks.size();
        int batch = Math.min(count, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Task<O, A>> chosen = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen.add(tasks.get(order[i]));
        }
        return List.copyOf(chosen);
    }

    /**
     * The task with this id, from the train or test tasks or, for sampled families, rebuilt from
     * the parameters its id encodes; how work units name tasks to other machines.
     *
     * @throws IllegalArgumentException naming the id when the distribution has no such task
     */
    default Task<O, A> task(String id)
    {
        for (Task<O, A> task : trainTasks()) {
            if (task.id().equals(id)) {
                return task;
            }
        }
        for (Task<O, A> task : testTasks()) {
            if (task.id().equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException("no task '" + id + "' in this distribution");
    }

    /**
     * A stable hash of everything that defines the distribution (parameters, ranges, horizon,
     * reward version), recorded with every result; see {@link Fingerprint}.
     */
    String fingerprint();

    /** Whether every task exposes {@link Task#exactModel()}. */
    default boolean tabular()
    {
        return !trainTasks().isEmpty() && trainTasks().stream().allMatch(task -> task.exactModel().isDefined())
                && testTasks().stream().allMatch(task -> task.exactModel().isDefined());
    }
}
