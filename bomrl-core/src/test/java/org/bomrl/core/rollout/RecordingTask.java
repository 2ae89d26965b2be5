package org.bomrl.core.rollout;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * A task that records, per episode (one list per reset, in reset order), every observation its
 * environments return, as returned: what a filter must see raw.
 */
final class RecordingTask
        implements Task<double[], double[]>
{
    private final Task<double[], double[]> task;
    private final List<List<double[]>> episodes = new ArrayList<>();

    RecordingTask(Task<double[], double[]> task)
    {
        this.task = task;
    }

    /** The raw observations of every episode so far: reset, then every step (the continuation's included). */
    synchronized List<List<double[]>> episodes()
    {
        return episodes.stream().map(List::copyOf).toList();
    }

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
            private List<double[]> episode;

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
                synchronized (RecordingTask.this) {
                    episode = new ArrayList<>();
                    episodes.add(episode);
                    episode.add(observation.clone());
                }
                return observation;
            }

            @Override
            public Step<double[]> step(double[] action)
            {
                Step<double[]> step = environment.step(action);
                synchronized (RecordingTask.this) {
                    episode.add(step.observation().clone());
                }
                return step;
            }
        };
    }
}
