package org.bomrl.bench;

import org.bomrl.core.loop.TrainOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One BO-MRL Alg(1) meta-iteration on {@code env.navigation-2d} with the settings of
 * {@code examples/continuous/navigation-2d.properties} ({@link MetaIterationFixture#navigation}):
 * 10 goals × (20 pre + 40 post episodes of 100 steps), 64×64 tanh MLP, 50 inner Adam steps, CG 10,
 * TRPO outer step; tasks on {@code threads} threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MetaNavigationBenchmark
{
    @Param({"1", "2"})
    public int threads;

    private MetaIterationFixture fixture;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp()
    {
        fixture = MetaIterationFixture.navigation();
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pool.shutdownNow();
    }

    @Benchmark
    public double[] metaIteration()
    {
        List<TrainOutcome> outcomes = fixture.train(pool);
        return fixture.outerStep(fixture.trpo(), outcomes, threads);
    }
}
