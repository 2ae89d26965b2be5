package org.bomrl.example;

import org.bomrl.api.env.Fingerprint;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;

import java.util.List;

/** The two bandit tasks; train = test. */
final class BanditDistribution
        implements TaskDistribution<Integer, Integer>
{
    private final List<Task<Integer, Integer>> tasks;
    private final String fingerprint;

    BanditDistribution(double reward, int horizon, double gamma)
    {
        this.tasks = List.of(new BanditTask("left", 0, reward, horizon, gamma), new BanditTask("right", 1, reward, horizon, gamma));
        this.fingerprint = Fingerprint.of("env.example.bandit", reward, horizon, gamma, "v1");
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
}
