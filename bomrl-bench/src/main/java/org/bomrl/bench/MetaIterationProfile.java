package org.bomrl.bench;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.rollout.Rollouts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Profiles the meta-iteration of {@link MetaIterationFixture} phase by phase with wall-clock and
 * CPU time (the summed CPU time of the threads doing the work, which a machine shared with other
 * jobs inflates far less than wall time): sampling (pre and post rounds), lower level, the
 * post-adaptation policy gradient, the hypergradient CG, the outer step, and the whole
 * iteration through {@code GaussianLearner.train}. Run with
 * {@code java -cp benchmarks.jar org.bomrl.bench.MetaIterationProfile THREADS REPETITIONS ENVIRONMENT ADAPTATION}. Arguments: threads
 * (default 1), repetitions (default 3), environment ({@code stand-in}, the default, or {@code mujoco}), adaptation
 * ({@code adapt.bomrl}, the default, or {@code adapt.maml-trpo}); prints one line per phase and repetition.
 */
public final class MetaIterationProfile
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MetaIterationProfile() {}

    public static void main(String[] args)
    {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String environment = args.length > 2 ? args[2] : MetaIterationFixture.STAND_IN;
        String adaptation = args.length > 3 ? args[3] : MetaIterationFixture.BOMRL;
        MetaIterationFixture fixture = MetaIterationFixture.halfCheetahVel(environment, adaptation, "distance.kl-prior-adapted");
        System.out.printf(Locale.ROOT, "environment=%s adaptation=%s%n", environment, adaptation);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, POOL_PREFIX + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int r = 0; r < repetitions; r++) {
                List<Rollouts> before = phase("sampling-pre", r, threads, () -> fixture.samplePre(pool, fixture.phi));
                List<double[]> advantages = fixture.advantages(before);
                List<AdaptationResult> adapted = phase("lower-level", r, threads, () -> fixture.adapt(pool, before, advantages));
                List<Rollouts> after = phase("sampling-post", r, threads, () -> fixture.samplePost(pool, adapted));
                List<double[]> gradients = phase("adapted-gradient", r, threads, () -> fixture.adaptedGradients(pool, adapted, after));
                phase("hypergradient-cg", r, threads, () -> fixture.hypergradients(pool, adapted, before, advantages, gradients));
                List<TrainOutcome> outcomes = phase("train-all-tasks", r, threads, () -> fixture.train(pool));
                OuterOptimizer optimizer = fixture.trpo();
                phase("outer-step", r, threads, () -> fixture.outerStep(optimizer, outcomes, threads));
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static final String POOL_PREFIX = "profile-worker-";
    private static final AtomicLong COUNT = new AtomicLong();

    /** Runs one phase; CPU time is that of the pool threads (read after the phase) plus this thread's. */
    private static <T> T phase(String name, int repetition, int threads, Supplier<T> work)
    {
        long cpuBefore = pooledCpu();
        long ownBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        long wall = System.nanoTime() - start;
        long cpu = pooledCpu() - cpuBefore + THREADS.getCurrentThreadCpuTime() - ownBefore;
        System.out.printf(Locale.ROOT, "%-18s threads=%d rep=%d wall=%8.3f s cpu=%8.3f s%n", name, threads, repetition, wall / 1e9, cpu / 1e9);
        return result;
    }

    /** The CPU time so far of every live thread of this JVM's pool (threads named by the factory) and of the outer surrogate's workers. */
    private static long pooledCpu()
    {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            var info = THREADS.getThreadInfo(id);
            if (info != null && (info.getThreadName().startsWith(POOL_PREFIX) || info.getThreadName().equals("bomrl-worker"))) {
                sum += Math.max(0, THREADS.getThreadCpuTime(id));
            }
        }
        return sum;
    }
}
