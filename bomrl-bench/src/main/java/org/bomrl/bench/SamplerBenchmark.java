package org.bomrl.bench;

import org.bomrl.core.rollout.Rollouts;
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
 * Rollout throughput through the {@code TrajectorySampler} with the 17 → 128 → 128 → 6 tanh MLP
 * policy in the loop (spec §5b sizes), on {@link StandInLocomotion} ({@code environment = stand-in})
 * or on MuJoCo's {@code env.mujoco.half-cheetah-vel} ({@code mujoco}): the pre-adaptation rounds of
 * the 10 tasks of {@link MetaIterationFixture}, each 20 episodes × (200 steps + the 200-step bootstrap
 * continuation) = {@value #STEPS} environment steps per operation, tasks on {@code threads} threads.
 * Steps/s = {@value #STEPS} / time, steps/s per core = that / {@code threads} (on a machine with at
 * least {@code threads} free cores); the 2-thread speed-up is the ratio of the two {@code threads} rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SamplerBenchmark
{
    /** Environment steps (policy forward passes) per operation. */
    public static final int STEPS = MetaIterationFixture.TASKS * MetaIterationFixture.EPISODES * 2 * MetaIterationFixture.HORIZON;

    @Param({"1", "2"})
    public int threads;

    @Param({MetaIterationFixture.STAND_IN, MetaIterationFixture.MUJOCO})
    public String environment;

    private MetaIterationFixture fixture;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp()
    {
        fixture = MetaIterationFixture.halfCheetahVel(environment, MetaIterationFixture.BOMRL, "distance.kl-prior-adapted");
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pool.shutdownNow();
    }

    @Benchmark
    public List<Rollouts> preRounds()
    {
        return fixture.samplePre(pool, fixture.phi);
    }
}
