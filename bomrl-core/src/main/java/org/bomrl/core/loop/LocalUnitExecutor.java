package org.bomrl.core.loop;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.core.exec.TaskRunner;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs units in this JVM on a {@link TaskRunner}: a unit's learner is looked up by its name among
 * the run's learners and its task by id in the run's distribution.
 */
public final class LocalUnitExecutor
        implements UnitExecutor
{
    private final TaskDistribution<?, ?> distribution;
    private final Function<String, TaskLearner> learners;
    private final TaskRunner runner;

    /**
     * @param learners the run's learners by name; throws {@link IllegalArgumentException} for a name it does not know
     */
    public LocalUnitExecutor(TaskDistribution<?, ?> distribution, Function<String, TaskLearner> learners, TaskRunner runner)
    {
        this.distribution = requireNonNull(distribution, "distribution is null");
        this.learners = requireNonNull(learners, "learners is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public List<TrainOutcome> train(List<WorkUnit.Train> units)
    {
        List<Callable<TrainOutcome>> work = units.stream()
                .<Callable<TrainOutcome>>map(unit -> () -> unit.run(learner(unit), distribution.task(unit.taskId())))
                .toList();
        return runner.runAll(work);
    }

    @Override
    public List<TestOutcome> test(List<WorkUnit.Test> units)
    {
        List<Callable<TestOutcome>> work = units.stream()
                .<Callable<TestOutcome>>map(unit -> () -> unit.run(learner(unit), distribution.task(unit.taskId())))
                .toList();
        return runner.runAll(work);
    }

    private TaskLearner learner(WorkUnit unit)
    {
        return learners.apply(unit.learner());
    }
}
