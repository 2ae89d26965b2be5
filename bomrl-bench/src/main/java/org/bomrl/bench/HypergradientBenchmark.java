package org.bomrl.bench;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One task of the HalfCheetahVel-size iteration ({@link MetaIterationFixture}, 4000 pre-adaptation
 * rows, 17 → 128 → 128 → 6 MLP): {@code lowerLevel} is one lower-level solve (K = {@code innerSteps}
 * Adam steps), {@code hypergradient} one implicit hypergradient (CG 10 on exact Hessian-vector
 * products), and {@code adaptAndHypergradient} both. Run with {@code -prof gc}: the allocation per
 * operation ({@code gc.alloc.rate.norm}) of {@code adaptAndHypergradient} with K = 50 against K = 1
 * is the memory of the hypergradient as the inner step count grows (the implicit hypergradient
 * keeps no inner trajectory, so it is the same buffers for any K).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HypergradientBenchmark
{
    @Param({"1", "50"})
    public int innerSteps;

    private MetaIterationFixture fixture;
    private Rollouts before;
    private double[] advantages;
    private AdaptationResult adapted;
    private double[] adaptedGradient;

    @Setup(Level.Trial)
    public void setUp()
    {
        fixture = new MetaIterationFixture("distance.kl-prior-adapted", innerSteps);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Rollouts> rounds = fixture.samplePre(pool, fixture.phi);
            before = rounds.get(0);
            advantages = fixture.advantages(rounds).get(0);
            List<AdaptationResult> results = fixture.adapt(pool, rounds, fixture.advantages(rounds));
            adapted = results.get(0);
            adaptedGradient = fixture.adaptedGradients(pool, results, fixture.samplePost(pool, results)).get(0);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public AdaptationResult lowerLevel()
    {
        return fixture.algorithm.adapt(fixture.policy, fixture.phi, before.batch(), advantages);
    }

    @Benchmark
    public MetaGradient hypergradient()
    {
        return fixture.algorithm.metaGradient(fixture.policy, fixture.phi, adapted, before.batch(), advantages, adaptedGradient);
    }

    @Benchmark
    public MetaGradient adaptAndHypergradient()
    {
        AdaptationResult result = fixture.algorithm.adapt(fixture.policy, fixture.phi, before.batch(), advantages);
        return fixture.algorithm.metaGradient(fixture.policy, fixture.phi, result, before.batch(), advantages, adaptedGradient);
    }
}
