package org.bomrl.core.loop;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;

import static java.util.Objects.requireNonNull;

/**
 * One task's work as data, not a closure, so that any backend (the local pool, a cluster member)
 * can run it: which learner of the run ({@code learner}, e.g. {@code bomrl/meta-train}), which task
 * (by id, {@code TaskDistribution.task}), the parameters φ, the address of its random stream
 * ({@code RandomSource.at}) and the observation filter its rollouts normalise with (the
 * meta-iteration's frozen snapshot of the filter statistics, spec §5b; {@link ObservationFilter#identity}
 * when the run has none: a few hundred bytes at most). Results are reduced in unit order, so they
 * do not depend on where or in which order units ran. Arrays are shared, not copied: nothing
 * modifies them. Every backend runs a unit by {@link Train#run} / {@link Test#run}.
 */
public sealed interface WorkUnit
        extends java.io.Serializable
        permits WorkUnit.Train, WorkUnit.Test
{
    String learner();

    String taskId();

    double[] phi();

    long stream();

    ObservationFilter filter();

    /** Meta-training work of one task slot in one iteration (spec §3.1 inner loop). */
    record Train(String learner, int iteration, int slot, String taskId, double[] phi, long stream, ObservationFilter filter)
            implements WorkUnit
    {
        public Train
        {
            requireNonNull(filter, "filter is null");
        }

        /** A unit of a run without an observation filter. */
        public Train(String learner, int iteration, int slot, String taskId, double[] phi, long stream)
        {
            this(learner, iteration, slot, taskId, phi, stream, ObservationFilter.identity());
        }

        /** Runs this unit with {@code learner} on {@code task} (the task this unit names). */
        public TrainOutcome run(TaskLearner learner, Task<?, ?> task)
        {
            return learner.train(task, phi, filter, RandomSource.at(stream), iteration);
        }
    }

    /** Meta-test work of one task in one repetition: K adaptation rounds from φ (spec §2.6). */
    record Test(String learner, int repetition, int taskIndex, String taskId, double[] phi, int rounds, long stream, ObservationFilter filter)
            implements WorkUnit
    {
        public Test
        {
            requireNonNull(filter, "filter is null");
        }

        /** A unit of a run without an observation filter. */
        public Test(String learner, int repetition, int taskIndex, String taskId, double[] phi, int rounds, long stream)
        {
            this(learner, repetition, taskIndex, taskId, phi, rounds, stream, ObservationFilter.identity());
        }

        /** Runs this unit with {@code learner} on {@code task} (the task this unit names). */
        public TestOutcome run(TaskLearner learner, Task<?, ?> task)
        {
            return learner.test(task, phi, filter, rounds, RandomSource.at(stream));
        }
    }
}
