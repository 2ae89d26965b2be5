package org.bomrl.core.train;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.UnitExecutor;
import org.bomrl.core.loop.WorkUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * Meta-test (spec §2.6), for every policy class: for every test task, π^(0) = π_φ and
 * π^(k+1) = Alg(π^(k), round collected with π^(k)), k = 0 … K−1; the learner reports the return
 * at every step k (and the exact J_τ(π^(k)) where the task has a model). One
 * {@link WorkUnit.Test} per repetition and task, each with its own random stream.
 */
public final class MetaTester
{
    private final UnitExecutor executor;

    public MetaTester(UnitExecutor executor)
    {
        this.executor = executor;
    }

    /** Returns indexed [repetition][task][step], steps 0 … K; observations as the environment returns them. */
    public Outcome test(List<? extends Task<?, ?>> tasks, String learner, double[] prior, int adaptationRounds, int repetitions, RandomSource random)
    {
        return test(tasks, learner, prior, ObservationFilter.identity(), adaptationRounds, repetitions, random);
    }

    /**
     * Returns indexed [repetition][task][step], steps 0 … K; every unit presents observations through
     * {@code filter}, the prior's filter as training left it ({@link MetaTrainer.Result#filter}). It
     * stays fixed over the K rounds and is never updated from test data, so every test unit is a
     * function of (φ, filter, its stream) alone.
     */
    public Outcome test(List<? extends Task<?, ?>> tasks, String learner, double[] prior, ObservationFilter filter, int adaptationRounds, int repetitions,
            RandomSource random)
    {
        List<WorkUnit.Test> units = new ArrayList<>();
        for (int r = 0; r < repetitions; r++) {
            for (int j = 0; j < tasks.size(); j++) {
                RandomSource stream = random.derive("repetition").derive(r).derive("task").derive(j);
                units.add(new WorkUnit.Test(learner, r, j, tasks.get(j).id(), prior, adaptationRounds, stream.address(), filter));
            }
        }
        List<TestOutcome> results = executor.test(units);
        double[][][] returns = new double[repetitions][tasks.size()][];
        double[][][] exactReturns = new double[repetitions][tasks.size()][];
        for (int r = 0; r < repetitions; r++) {
            for (int j = 0; j < tasks.size(); j++) {
                TestOutcome result = results.get(r * tasks.size() + j);
                returns[r][j] = result.returns();
                exactReturns[r][j] = result.exactReturns();
            }
        }
        return new Outcome(returns, exactReturns);
    }

    /** Per repetition, task and step: the reported return and the exact return. */
    public record Outcome(double[][][] returns, double[][][] exactReturns) {}
}
