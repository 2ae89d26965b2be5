package org.bomrl.bench;

import org.bomrl.api.optim.OuterOptimizer;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One meta-iteration of each method of the head-to-head ({@code examples/continuous/compare-all-navigation-2d-member.properties})
 * on {@code env.navigation-2d} at one sample budget: the iteration of {@link MetaIterationFixture#navigation}
 * (10 goals × (20 pre + 40 post episodes of 100 steps), 64×64 tanh MLP, γ = 0.99, five Fisher tasks)
 * with each method's adaptation algorithm and outer optimiser (spec §2.5, §3.5 for BO-MRL, §7.3
 * for the baselines): every task through the learner, the batch preparation (E-MAML's
 * standardisation), then the outer step — TRPO with δ = 0.01, ProMP's five Adam epochs on the
 * clipped objective plus η·KL. Tasks on {@code threads} threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class MethodIterationBenchmark
{
    /** One method of the head-to-head: adaptation algorithm and settings, outer optimiser and settings. */
    private record Method(String adaptation, Map<String, String> settings, String optimizer, Map<String, String> optimizerSettings) {}

    private static final Map<String, String> TRPO = Map.of("max_kl", "0.01");

    private static final Map<String, Method> METHODS = Map.of(
            "alg1", new Method("adapt.bomrl", MetaIterationFixture.bomrl("distance.kl-prior-adapted", 50), "optimizer.trpo", TRPO),
            "alg2", new Method("adapt.bomrl", MetaIterationFixture.bomrl("distance.kl-adapted-prior", 50), "optimizer.trpo", TRPO),
            "alg3", new Method("adapt.bomrl", MetaIterationFixture.bomrl("distance.squared-euclidean", 50), "optimizer.trpo", TRPO),
            "maml", new Method("adapt.maml", Map.of("gaussian_step_size", "0.1", "order", "second"), "optimizer.trpo", TRPO),
            "maml-trpo", new Method("adapt.maml-trpo", Map.of(), "optimizer.trpo", TRPO),
            "maml-trpo-classic", new Method("adapt.maml-trpo", Map.of("variant", "classic"), "optimizer.trpo", TRPO),
            "promp", new Method("adapt.promp", Map.of("step_size", "0.1", "clip", "0.3"), "optimizer.promp-epochs",
                    Map.of("epochs", "5", "learning_rate", "0.001", "kl_penalty", "0.0005")),
            "e-maml", new Method("adapt.e-maml", Map.of(), "optimizer.trpo", TRPO));

    @Param({"alg1", "alg2", "alg3", "maml", "maml-trpo", "maml-trpo-classic", "promp", "e-maml"})
    public String method;

    @Param({"2"})
    public int threads;

    private Method spec;
    private MetaIterationFixture fixture;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp()
    {
        spec = METHODS.get(method);
        if (spec == null) {
            throw new IllegalArgumentException("method = '" + method + "' is not a method of the head-to-head; valid: " + String.join(", ", new java.util.TreeSet<>(METHODS.keySet())));
        }
        fixture = MetaIterationFixture.navigation(spec.adaptation(), spec.settings());
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
        OuterOptimizer optimizer = fixture.optimizer(spec.optimizer(), spec.optimizerSettings());
        return fixture.outerStep(optimizer, outcomes, threads);
    }
}
