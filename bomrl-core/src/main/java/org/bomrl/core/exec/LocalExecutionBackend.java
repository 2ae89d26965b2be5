package org.bomrl.core.exec;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.loop.LocalUnitExecutor;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.loop.WorkUnit;

import java.util.List;
import java.util.function.Function;

/** {@code execution.backend = local}: a fixed pool of {@code experiment.threads} threads in this JVM. */
public final class LocalExecutionBackend
        implements ExecutionBackend
{
    public static final String NAME = "local";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of();
    }

    @Override
    public Execution open(Settings settings, RunDescription run, TaskDistribution<?, ?> distribution, Function<String, TaskLearner> learners, int threads)
    {
        TaskRunner runner = new LocalTaskRunner(threads);
        LocalUnitExecutor executor = new LocalUnitExecutor(distribution, learners, runner);
        return new Execution()
        {
            @Override
            public List<TrainOutcome> train(List<WorkUnit.Train> units)
            {
                return executor.train(units);
            }

            @Override
            public List<TestOutcome> test(List<WorkUnit.Test> units)
            {
                return executor.test(units);
            }

            @Override
            public int parallelism()
            {
                return runner.parallelism();
            }

            @Override
            public void close()
            {
                runner.close();
            }
        };
    }
}
