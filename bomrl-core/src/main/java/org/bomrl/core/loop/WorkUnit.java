package org.bomrl.core.loop;

/**
 * One task's work as data, not a closure, so that any backend (the local pool, a cluster member)
 * can run it: which learner of the run ({@code learner}, e.g. {@code bomrl/meta-train}), which task
 * (by id, {@code TaskDistribution.task}), the parameters φ and the address of its random stream
 * ({@code RandomSource.at}). Results are reduced in unit order, so they do not depend on where or
 * in which order units ran. Arrays are shared, not copied: nothing modifies them.
 */
public sealed interface WorkUnit
        extends java.io.Serializable
        permits WorkUnit.Train, WorkUnit.Test
{
    String learner();

    String taskId();

    double[] phi();

    long stream();

    /** Meta-training work of one task slot in one iteration (spec §3.1 inner loop). */
    record Train(String learner, int iteration, int slot, String taskId, double[] phi, long stream)
            implements WorkUnit {}

    /** Meta-test work of one task in one repetition: K adaptation rounds from φ (spec §2.6). */
    record Test(String learner, int repetition, int taskIndex, String taskId, double[] phi, int rounds, long stream)
            implements WorkUnit {}
}
