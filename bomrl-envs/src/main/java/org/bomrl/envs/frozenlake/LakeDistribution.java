package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of Frozen Lake tasks; train tasks = test tasks (spec §5a: the paper meta-tests on its
 * training maps). The fingerprint hashes the factory name, {@link #REWARD_VERSION} and every task's
 * id and rules (maps, dynamics flags, reward schedule, horizon, γ). Immutable.
 */
final class LakeDistribution
        implements TaskDistribution<Integer, Integer>
{
    /** Bumped whenever the reward or dynamics semantics change, so old fingerprints stop matching. */
    static final String REWARD_VERSION = "frozenlake-rewards-1";

    private final List<Task<Integer, Integer>> tasks;
    private final String fingerprint;

    LakeDistribution(String name, List<LakeTask> tasks)
    {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(name + " has no tasks");
        }
        this.tasks = List.copyOf(tasks);
        List<Object> parts = new ArrayList<>();
        parts.add(name);
        parts.add(REWARD_VERSION);
        for (LakeTask task : tasks) {
            parts.add(task.id());
            parts.add(task.rules().describe());
        }
        this.fingerprint = Fingerprint.of(parts.toArray());
    }

    @Override
    public List<Task<Integer, Integer>> trainTasks()
    {
        return tasks;
    }

    @Override
    public List<Task<Integer, Integer>> testTasks()
    {
        return tasks;
    }

    @Override
    public String fingerprint()
    {
        return fingerprint;
    }

    @Override
    public boolean tabular()
    {
        return true;
    }

    @Override
    public String toString()
    {
        return "LakeDistribution[" + tasks.size() + " tasks, " + fingerprint + "]";
    }
}
