package org.bomrl.bench;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.rollout.TemporalDifferenceRound;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One estimated-mode round of the paper (spec §5a): 500 episodes × 49 steps with expected-SARSA TD(0). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EstimatedRoundBenchmark
{
    @Param({"env.frozenlake.paper-high-variance", "env.frozenlake.paper-low-variance"})
    public String environment;

    private Environment<Integer, Integer> instance;
    private TabularSoftmaxPolicy policy;
    private TemporalDifferenceRound estimator;
    private long round;

    @Setup
    public void setUp()
    {
        TaskDistribution<Integer, Integer> distribution = BenchmarkComponents.environment(environment, Map.of());
        instance = distribution.trainTasks().get(3).newEnvironment();
        policy = TabularSoftmaxPolicy.constant(16, 4, 0.1);
        estimator = new TemporalDifferenceRound(500, 49, 0.8, 0.3);
    }

    @Benchmark
    public TabularRound round()
    {
        return estimator.collect(instance, policy, RandomSource.seeded(round++));
    }
}
