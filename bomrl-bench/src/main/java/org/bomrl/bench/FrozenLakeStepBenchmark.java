package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TaskDistribution;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Throughput of {@code Environment.step} on Frozen Lake maps (one step per invocation, reset when done). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrozenLakeStepBenchmark
{
    @Param({"4x4", "8x8"})
    public String map;

    @Param({"true", "false"})
    public boolean slippery;

    private Environment<Integer, Integer> environment;
    private int[] actions;
    private int next;
    private long episode;

    @Setup
    public void setUp()
    {
        TaskDistribution<Integer, Integer> distribution = BenchmarkComponents.environment("env.frozenlake", Map.of("map_name", map, "is_slippery", Boolean.toString(slippery)));
        environment = distribution.trainTasks().get(0).newEnvironment();
        SplittableRandom random = RandomSource.seeded(42).generator();
        actions = new int[1 << 16];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = random.nextInt(4);
        }
        environment.reset(episode++);
    }

    @Benchmark
    public Step<Integer> step()
    {
        Step<Integer> step = environment.step(actions[next++ & (actions.length - 1)]);
        if (step.done()) {
            environment.reset(episode++);
        }
        return step;
    }
}
