package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A direction family: train tasks d ∈ {−1, +1}; a meta-iteration's batch is the fixed list
 * [−1, 1, −1, 1, …] ({@link DirectionSampling#CYCLE}, BO-MRL, spec §5b) or independent fair draws
 * ({@link DirectionSampling#UNIFORM}). Immutable and thread-safe.
 *
 * @param trainTasks d = −1 then d = +1
 */
record DirectionTaskDistribution(List<Task<double[], double[]>> trainTasks, List<Task<double[], double[]>> testTasks, DirectionSampling sampling,
        String fingerprint)
        implements TaskDistribution<double[], double[]>
{
    DirectionTaskDistribution
    {
        trainTasks = List.copyOf(requireNonNull(trainTasks, "trainTasks is null"));
        testTasks = List.copyOf(requireNonNull(testTasks, "testTasks is null"));
        requireNonNull(sampling, "sampling is null");
        requireNonNull(fingerprint, "fingerprint is null");
        if (trainTasks.size() != 2 || testTasks.isEmpty()) {
            throw new IllegalArgumentException("a direction family has the two train tasks d = −1, +1 and test tasks; got " + trainTasks.size() + " and "
                    + testTasks.size());
        }
    }

    /** Any meta-batch: the two directions are drawn with repetition (spec §5b: d = [−1, 1, −1, 1]). */
    @Override
    public int maxTasksPerIteration()
    {
        return Integer.MAX_VALUE;
    }

    /** {@code count} tasks: the cycle −1, +1, −1, … (generator unused) or {@code count} fair draws. */
    @Override
    public List<Task<double[], double[]>> sampleTrainTasks(int count, SplittableRandom random)
    {
        List<Task<double[], double[]>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = sampling == DirectionSampling.CYCLE ? i % 2 : random.nextDouble() < 0.5 ? 0 : 1;
            tasks.add(trainTasks.get(index));
        }
        return List.copyOf(tasks);
    }

    @Override
    public boolean tabular()
    {
        return false;
    }
}
