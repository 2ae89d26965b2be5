package org.bomrl.core.train;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.exec.TaskRunner;
import org.bomrl.core.rollout.Rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Meta-test (spec §2.6, §5a): for every test task, π^(0) = π_φ and π^(k+1) = Alg(π^(k), round
 * collected with π^(k)), k = 0 … K−1; the return at step k is the mean return of the round
 * collected with π^(k) (exact J in exact mode), and the exact J_τ(π^(k)) is recorded beside it.
 * Repetitions use independent random streams; work is spread over the {@link TaskRunner}.
 */
public final class MetaTester
{
    private final Rounds rounds;
    private final TaskRunner runner;

    public MetaTester(Rounds rounds, TaskRunner runner)
    {
        this.rounds = rounds;
        this.runner = runner;
    }

    /** Returns indexed [repetition][task][step], steps 0 … K. */
    public Outcome test(List<Task<Integer, Integer>> tasks, TabularSoftmaxPolicy prior, TabularAdaptation algorithm, int adaptationRounds, int repetitions,
            RandomSource random)
    {
        List<Callable<double[][]>> work = new ArrayList<>();
        for (int r = 0; r < repetitions; r++) {
            for (int j = 0; j < tasks.size(); j++) {
                Task<Integer, Integer> task = tasks.get(j);
                RandomSource stream = random.derive("repetition").derive(r).derive("task").derive(j);
                work.add(() -> adaptInTask(task, prior, algorithm, adaptationRounds, stream));
            }
        }
        List<double[][]> results = runner.runAll(work);
        double[][][] returns = new double[repetitions][tasks.size()][];
        double[][][] exactReturns = new double[repetitions][tasks.size()][];
        for (int r = 0; r < repetitions; r++) {
            for (int j = 0; j < tasks.size(); j++) {
                double[][] result = results.get(r * tasks.size() + j);
                returns[r][j] = result[0];
                exactReturns[r][j] = result[1];
            }
        }
        return new Outcome(returns, exactReturns);
    }

    private double[][] adaptInTask(Task<Integer, Integer> task, TabularSoftmaxPolicy prior, TabularAdaptation algorithm, int adaptationRounds, RandomSource stream)
    {
        double[] returns = new double[adaptationRounds + 1];
        double[] exact = new double[adaptationRounds + 1];
        TabularSoftmaxPolicy policy = prior;
        for (int k = 0; k <= adaptationRounds; k++) {
            TabularRound round = rounds.collect(task, policy, stream.derive(k));
            returns[k] = round.meanReturn();
            exact[k] = Rounds.exactReturn(task, policy);
            if (k < adaptationRounds) {
                policy = algorithm.adapt(policy, round);
            }
        }
        return new double[][] {returns, exact};
    }

    /** Per repetition, task and step: the reported return and the exact return. */
    public record Outcome(double[][][] returns, double[][][] exactReturns) {}
}
