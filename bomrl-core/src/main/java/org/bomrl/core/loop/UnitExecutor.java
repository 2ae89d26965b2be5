package org.bomrl.core.loop;

import java.util.List;

/**
 * Runs work units and returns their outcomes in unit order: the seam between the loop and an
 * execution backend (the local pool, a cluster). Implementations resolve a unit's learner and task
 * by name, so only data crosses it.
 */
public interface UnitExecutor
{
    List<TrainOutcome> train(List<WorkUnit.Train> units);

    List<TestOutcome> test(List<WorkUnit.Test> units);
}
