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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One meta-iteration at the HalfCheetahVel sizes of {@link MetaIterationFixture}, end to end
 * ({@code metaIteration}: every task through {@code GaussianLearner.train}, then the TRPO outer
 * step) and split into its phases on data prepared once in the set-up: {@code sampling} (the
 * pre- and post-adaptation rounds of all tasks, 480 000 environment steps with the policy in the
 * loop), {@code lowerLevel} (BO-MRL: 50 inner Adam steps per task; MAML-TRPO: its one inner step),
 * {@code hypergradient} (∇_θ J on the post-adaptation round, then BO-MRL's CG 10 on exact
 * Hessian-vector products or MAML-TRPO's (I − α∇²L)ᵀg per task) and {@code outerStep} (surrogate,
 * Fisher-vector products, line search). Tasks run on a pool of {@code threads} threads.
 * {@code environment} is {@code stand-in} ({@link StandInLocomotion}, the default) or {@code mujoco}
 * ({@code env.mujoco.half-cheetah-vel}); {@code adaptation} is {@code adapt.bomrl} (with
 * {@code distance}) or {@code adapt.maml-trpo}. Reference (spec §5b, the authors' code on this
 * machine kind, stand-in environment): about 146 s for the whole BO-MRL iteration and 95 s for
 * MAML-TRPO. On MuJoCo one operation takes tens of seconds, so run it short:
 * {@code -p environment=mujoco -f 1 -wi 0 -i 2}.
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

    @Param({MetaIterationFixture.STAND_IN})
    public String environment;

    @Param({MetaIterationFixture.BOMRL})
    public String adaptation;

    private MetaIterationFixture fixture;
    private ExecutorService pool;
    private List<Rollouts> before;
    private List<double[]> advantages;
    private List<AdaptationResult> adapted;
    private List<Rollouts> after;
    private List<TrainOutcome> outcomes;

    /** Prepares only the data the measured phase reads (a whole iteration on MuJoCo takes tens of seconds). */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params)
    {
        fixture = MetaIterationFixture.halfCheetahVel(environment, adaptation, distance);
        pool = Executors.newFixedThreadPool(threads);
        String phase = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (phase.equals("metaIteration")) {
            return;
        }
        if (phase.equals("outerStep")) {
            outcomes = fixture.train(pool);
            return;
        }
        before = fixture.samplePre(pool, fixture.phi);
        advantages = fixture.advantages(before);
        if (phase.equals("lowerLevel")) {
            return;
        }
        adapted = fixture.adapt(pool, before, advantages);
        if (phase.equals("hypergradient")) {
            after = fixture.samplePost(pool, adapted);
        }
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
