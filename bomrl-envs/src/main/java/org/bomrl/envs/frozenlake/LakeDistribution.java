package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.FixedTaskDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of Frozen Lake tasks; train tasks = test tasks (spec §5a: the paper meta-tests on its
 * training maps). The fingerprint hashes the factory name, {@link #REWARD_VERSION} and every task's
 * id and rules (maps, dynamics flags, reward schedule, horizon, γ).
 */
final class LakeDistribution
{
    /** Bumped whenever the reward or dynamics semantics change, so old fingerprints stop matching. */
    static final String REWARD_VERSION = "frozenlake-rewards-1";

    private LakeDistribution() {}

    static FixedTaskDistribution<Integer, Integer> of(String name, List<LakeTask> tasks)
    {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(name + " has no tasks");
        }
        List<Object> parts = new ArrayList<>();
        parts.add(name);
        parts.add(REWARD_VERSION);
        for (LakeTask task : tasks) {
            parts.add(task.id());
            parts.add(task.rules().describe());
        }
        return FixedTaskDistribution.of(tasks, Fingerprint.of(parts.toArray()));
    }
}
