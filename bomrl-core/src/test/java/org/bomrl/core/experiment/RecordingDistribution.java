package org.bomrl.core.experiment;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A continuous task distribution whose environments record every observation they return (resets and steps), in any order; thread-safe. */
final class RecordingDistribution
        implements TaskDistribution<double[], double[]>
{
    private final TaskDistribution<double[], double[]> distribution;
    private final List<double[]> observations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    RecordingDistribution(TaskDistribution<?, ?> distribution)
    {
        this.distribution = (TaskDistribution<double[], double[]>) distribution;
    }

    /** A copy of every observation returned so far. */
    synchronized List<double[]> observations()
    {
        return List.copyOf(observations);
    }

    private synchronized void record(double[] observation)
    {
        observations.add(observation.clone());
    }

    @Override
    public List<Task<double[], double[]>> trainTasks()
    {
        return distribution.trainTasks().stream().map(this::recording).toList();
    }

    @Override
    public List<Task<double[], double[]>> testTasks()
    {
        return distribution.testTasks().stream().map(this::recording).toList();
    }

    @Override
    public List<Task<double[], double[]>> sampleTrainTasks(int count, SplittableRandom random)
    {
        return distribution.sampleTrainTasks(count, random).stream().map(this::recording).toList();
    }

    @Override
    public Task<double[], double[]> task(String id)
    {
        return recording(distribution.task(id));
    }

    @Override
    public String fingerprint()
    {
        return distribution.fingerprint();
    }

    private Task<double[], double[]> recording(Task<double[], double[]> task)
    {
        return new Task<>()
        {
            @Override
            public String id()
            {
                return task.id();
            }

            @Override
            public Environment<double[], double[]> newEnvironment()
            {
                Environment<double[], double[]> environment = task.newEnvironment();
                return new Environment<>()
                {
                    @Override
                    public Space observationSpace()
                    {
                        return environment.observationSpace();
                    }

                    @Override
                    public Space actionSpace()
                    {
                        return environment.actionSpace();
                    }

                    @Override
                    public double[] reset(long seed)
                    {
                        double[] observation = environment.reset(seed);
                        record(observation);
                        return observation;
                    }

                    @Override
                    public Step<double[]> step(double[] action)
                    {
                        Step<double[]> step = environment.step(action);
                        record(step.observation());
                        return step;
                    }

                    @Override
                    public void close()
                    {
                        environment.close();
                    }
                };
            }
        };
    }
}
