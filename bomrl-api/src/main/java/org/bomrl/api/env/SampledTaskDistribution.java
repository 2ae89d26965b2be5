package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A task family over continuous ranges (e.g. goal velocity v* ∼ U[0, 2], spec §5b): meta-training
 * draws independent tasks with {@code sampler}; meta-testing uses a fixed grid of test tasks.
 * A task's id encodes its parameters so that {@code byId} rebuilds the same task on another
 * machine ({@link TaskDistribution#task}). Immutable and thread-safe when its functions are.
 *
 * @param sampler draws one training task from the generator it is given
 * @param byId rebuilds a task from its id, throwing {@link IllegalArgumentException} for an id it cannot read
 * @param testTasks the fixed meta-test grid, never empty
 * @param fingerprint stable hash of the family's parameters, ranges, horizon and reward version
 */
@Stable(since = "0.2")
public record SampledTaskDistribution<O, A>(Function<SplittableRandom, Task<O, A>> sampler, Function<String, Task<O, A>> byId, List<Task<O, A>> testTasks,
        String fingerprint)
        implements TaskDistribution<O, A>
{
    public SampledTaskDistribution
    {
        requireNonNull(sampler, "sampler is null");
        requireNonNull(byId, "byId is null");
        testTasks = List.copyOf(requireNonNull(testTasks, "testTasks is null"));
        requireNonNull(fingerprint, "fingerprint is null");
        if (testTasks.isEmpty()) {
            throw new IllegalArgumentException("a sampled task distribution needs test tasks");
        }
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint is blank");
        }
    }

    /** Empty: tasks are drawn, not listed. */
    @Override
    public List<Task<O, A>> trainTasks()
    {
        return List.of();
    }

    /** {@code count} independent draws of {@code sampler}, in order. */
    @Override
    public List<Task<O, A>> sampleTrainTasks(int count, SplittableRandom random)
    {
        List<Task<O, A>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(requireNonNull(sampler.apply(random), "sampler returned null"));
        }
        return List.copyOf(tasks);
    }

    @Override
    public Task<O, A> task(String id)
    {
        for (Task<O, A> task : testTasks) {
            if (task.id().equals(id)) {
                return task;
            }
        }
        return requireNonNull(byId.apply(id), "byId returned null");
    }

    @Override
    public boolean tabular()
    {
        return false;
    }
}
