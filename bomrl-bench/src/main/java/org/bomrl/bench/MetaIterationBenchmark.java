package org.bomrl.bench;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.core.loop.TrainOutcome;
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
 * One BO-MRL meta-iteration at the HalfCheetahVel sizes of {@link MetaIterationFixture}, end to end
 * ({@code metaIteration}: every task through {@code GaussianLearner.train}, then the TRPO outer
 * step) and split into its phases on data prepared once in the set-up: {@code sampling} (the
 * pre- and post-adaptation rounds of all tasks, 480 000 environment steps with the policy in the
 * loop), {@code lowerLevel} (50 inner Adam steps per task), {@code hypergradient} (∇_θ J on the
 * post-adaptation round and CG 10 on exact Hessian-vector products per task) and
 * {@code outerStep} (surrogate, Fisher-vector products, line search). Tasks run on a pool of
 * {@code threads} threads. Reference (spec §5b, the authors' code on this machine kind): about
 * 146 s for the whole iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class MetaIterationBenchmark
{
    @Param({"1", "2"})
    public int threads;

    @Param({"distance.kl-prior-adapted"})
    public String distance;

    private MetaIterationFixture fixture;
    private ExecutorService pool;
    private List<Rollouts> before;
    private List<double[]> advantages;
    private List<AdaptationResult> adapted;
    private List<Rollouts> after;
    private List<double[]> gradients;
    private List<TrainOutcome> outcomes;

    @Setup(Level.Trial)
    public void setUp()
    {
        fixture = new MetaIterationFixture(distance, 50);
        pool = Executors.newFixedThreadPool(threads);
        before = fixture.samplePre(pool, fixture.phi);
        advantages = fixture.advantages(before);
        adapted = fixture.adapt(pool, before, advantages);
        after = fixture.samplePost(pool, adapted);
        gradients = fixture.adaptedGradients(pool, adapted, after);
        outcomes = fixture.train(pool);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pool.shutdownNow();
    }

    @Benchmark
    public double[] metaIteration()
    {
        List<TrainOutcome> trained = fixture.train(pool);
        return fixture.outerStep(fixture.trpo(), trained, threads);
    }

    @Benchmark
    public List<Rollouts> sampling()
    {
        List<Rollouts> pre = fixture.samplePre(pool, fixture.phi);
        List<Rollouts> postRounds = fixture.samplePost(pool, adapted);
        return List.of(pre.get(0), postRounds.get(0));
    }

    @Benchmark
    public List<AdaptationResult> lowerLevel()
    {
        return fixture.adapt(pool, before, advantages);
    }

    @Benchmark
    public List<MetaGradient> hypergradient()
    {
        List<double[]> adaptedGradients = fixture.adaptedGradients(pool, adapted, after);
        return fixture.hypergradients(pool, adapted, before, advantages, adaptedGradients);
    }

    @Benchmark
    public double[] outerStep()
    {
        OuterOptimizer optimizer = fixture.trpo();
        return fixture.outerStep(optimizer, outcomes, threads);
    }
}
