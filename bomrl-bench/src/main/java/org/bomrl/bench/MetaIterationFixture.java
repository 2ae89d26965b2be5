package org.bomrl.bench;

import io.vavr.control.Option;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.env.Task;
import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.experiment.Components;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.rollout.AdvantageEstimator;
import org.bomrl.core.rollout.GaussianLearner;
import org.bomrl.core.rollout.MonteCarloAdvantages;
import org.bomrl.core.rollout.Rollouts;
import org.bomrl.core.rollout.TrajectorySampler;
import org.bomrl.numerics.neural.GaussianMlpPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One BO-MRL meta-iteration at the paper's HalfCheetahVel sizes (spec §3.5, §5b) on
 * {@link StandInLocomotion}: {@value #TASKS} tasks (v* = 0.2·(slot + 0.5)) × {@value #EPISODES}
 * episodes of {@value #HORIZON} steps plus the {@value #HORIZON}-step bootstrap continuation,
 * {@value #POST_EPISODES} post-update episodes per task, 17 → 128 → 128 → 6 tanh MLP, Alg(1)
 * (KL(π_φ‖π_θ)) with λ = {@value #LAMBDA}, 50 inner Adam steps, CG 10, the TRPO outer step with
 * δ = 0.01, five Fisher tasks, γ = 0.99. The same work as {@link GaussianLearner#train} split
 * into its phases, each run over all tasks on the given pool (results in task order).
 */
final class MetaIterationFixture
{
    static final int TASKS = 10;
    static final int EPISODES = 20;
    static final int POST_EPISODES = 100;
    static final int HORIZON = 200;
    static final double GAMMA = 0.99;
    static final double LAMBDA = 0.5;
    static final int FISHER_TASKS = 5;

    private static final Components COMPONENTS = Injection.create(PluginRegistry.load(MetaIterationFixture.class.getClassLoader())).getInstance(Components.class);

    final GaussianMlpPolicy policy;
    final TrajectorySampler pre;
    final TrajectorySampler post;
    final List<Task<double[], double[]>> tasks;
    final GaussianAdaptation algorithm;
    final GaussianDistance fisherKl;
    final GaussianLearner learner;
    final int fisherTasks;
    final double[] phi;
    final RandomSource random = RandomSource.seeded(543).derive("meta-iteration");

    /** The HalfCheetahVel-size iteration on the stand-in (see the class comment). */
    MetaIterationFixture(String distance, int innerSteps)
    {
        this(distance, innerSteps, standInTasks(), GaussianMlpPolicy.tanh(StandInLocomotion.OBSERVATIONS, StandInLocomotion.ACTIONS, 128, 128),
                new TrajectorySampler(EPISODES, HORIZON, HORIZON, GAMMA), new TrajectorySampler(POST_EPISODES, HORIZON, HORIZON, GAMMA), FISHER_TASKS);
    }

    /** An iteration of other sizes: the tasks (one slot each), the policy, the samplers and the number of Fisher tasks. */
    MetaIterationFixture(String distance, int innerSteps, List<Task<double[], double[]>> tasks, GaussianMlpPolicy policy, TrajectorySampler pre,
            TrajectorySampler post, int fisherTasks)
    {
        this(adaptation("adapt.bomrl", bomrl(distance, innerSteps)), tasks, policy, pre, post, fisherTasks);
    }

    /** An iteration of any Gaussian adaptation algorithm (BO-MRL or a baseline) on these tasks, policy and samplers. */
    MetaIterationFixture(GaussianAdaptation algorithm, List<Task<double[], double[]>> tasks, GaussianMlpPolicy policy, TrajectorySampler pre,
            TrajectorySampler post, int fisherTasks)
    {
        this.tasks = List.copyOf(tasks);
        this.policy = policy;
        this.pre = pre;
        this.post = post;
        this.algorithm = algorithm;
        var kl = COMPONENTS.distance("distance", "distance.kl-prior-adapted");
        fisherKl = COMPONENTS.create(kl, MapSettings.of("distance", Map.of(), kl.settings()), RandomSource.seeded(1)).gaussian().get();
        this.fisherTasks = fisherTasks;
        learner = new GaussianLearner(policy, algorithm, pre, post, GAMMA, AdvantageEstimator.batchMean(GAMMA), fisherKl, fisherTasks);
        phi = policy.initialParameters(random.derive("policy"));
    }

    /** The §5b-size iteration of the example {@code examples/continuous/navigation-2d.properties} (Alg(1)): 10 sampled goals, 64×64 MLP, 20 + 40 episodes of 100 steps. */
    static MetaIterationFixture navigation()
    {
        return navigation("adapt.bomrl", bomrl("distance.kl-prior-adapted", 50));
    }

    /** The iteration of {@link #navigation()} with the adaptation algorithm {@code name} and its {@code settings} instead of Alg(1). */
    static MetaIterationFixture navigation(String name, Map<String, String> settings)
    {
        ComponentFactory<org.bomrl.api.env.TaskDistribution<?, ?>> factory = COMPONENTS.environment("environment", "env.navigation-2d");
        @SuppressWarnings("unchecked")
        org.bomrl.api.env.TaskDistribution<double[], double[]> distribution = (org.bomrl.api.env.TaskDistribution<double[], double[]>) COMPONENTS.create(factory,
                MapSettings.of("environment", Map.of("horizon", "100", "gamma", "0.99"), factory.settings()), RandomSource.seeded(543));
        List<Task<double[], double[]>> goals = distribution.sampleTrainTasks(TASKS, RandomSource.seeded(543).derive("tasks").generator());
        return new MetaIterationFixture(adaptation(name, settings), goals, GaussianMlpPolicy.tanh(2, 2, 64, 64), new TrajectorySampler(20, 100, 0, GAMMA),
                new TrajectorySampler(40, 100, 0, GAMMA), FISHER_TASKS);
    }

    /** BO-MRL's settings: the distance, λ = {@value #LAMBDA} and the inner Adam steps. */
    static Map<String, String> bomrl(String distance, int innerSteps)
    {
        return Map.of("distance", distance, "lambda", Double.toString(LAMBDA), "inner_steps", Integer.toString(innerSteps));
    }

    private static GaussianAdaptation adaptation(String name, Map<String, String> settings)
    {
        var adaptation = COMPONENTS.adaptation("adaptation", name);
        return COMPONENTS.create(adaptation, MapSettings.of("adaptation", settings, adaptation.settings()), RandomSource.seeded(1)).gaussian().get();
    }

    private static List<Task<double[], double[]>> standInTasks()
    {
        List<Task<double[], double[]>> tasks = new ArrayList<>();
        for (int slot = 0; slot < TASKS; slot++) {
            tasks.add(StandInLocomotion.task("v" + slot, 0.2 * (slot + 0.5), 2 * HORIZON));
        }
        return tasks;
    }

    OuterOptimizer trpo()
    {
        return optimizer("optimizer.trpo", Map.of("max_kl", "0.01"));
    }

    /** A fresh outer optimiser {@code name} with {@code settings} for φ. */
    OuterOptimizer optimizer(String name, Map<String, String> settings)
    {
        ComponentFactory<OuterOptimizerSpec> factory = COMPONENTS.optimizer("optimizer", name);
        return COMPONENTS.create(factory, MapSettings.of("optimizer", settings, factory.settings()), RandomSource.seeded(1)).newOptimizer(phi.length);
    }

    RandomSource taskStream(int slot)
    {
        return random.derive("task").derive(slot);
    }

    /** Pre-adaptation rounds of every task (stream "prior" of the task, as {@link GaussianLearner#train}). */
    List<Rollouts> samplePre(ExecutorService pool, double[] parameters)
    {
        return all(pool, slot -> pre.collect(tasks.get(slot), policy, parameters, taskStream(slot).derive("prior")));
    }

    /** Post-adaptation rounds of every task with its θ. */
    List<Rollouts> samplePost(ExecutorService pool, List<AdaptationResult> adapted)
    {
        return all(pool, slot -> post.collect(tasks.get(slot), policy, adapted.get(slot).theta(), taskStream(slot).derive("adapted")));
    }

    List<double[]> advantages(List<Rollouts> rollouts)
    {
        List<double[]> advantages = new ArrayList<>();
        for (Rollouts r : rollouts) {
            advantages.add(MonteCarloAdvantages.advantages(r, GAMMA));
        }
        return advantages;
    }

    /** The lower level of every task. */
    List<AdaptationResult> adapt(ExecutorService pool, List<Rollouts> before, List<double[]> advantages)
    {
        return all(pool, slot -> algorithm.adapt(policy, phi, before.get(slot).batch(), advantages.get(slot)));
    }

    /** ∇_θ J(θ*) of every task: (1/N') Σ_j Â'_j ∇_θ log π_θ(a_j|s_j) on its post-adaptation round. */
    List<double[]> adaptedGradients(ExecutorService pool, List<AdaptationResult> adapted, List<Rollouts> after)
    {
        return all(pool, slot -> {
            double[] a = MonteCarloAdvantages.advantages(after.get(slot), GAMMA);
            for (int i = 0; i < a.length; i++) {
                a[i] /= a.length;
            }
            double[] gradient = new double[phi.length];
            policy.scoreGradient(adapted.get(slot).theta(), after.get(slot).batch(), a, gradient, null);
            return gradient;
        });
    }

    /** The hypergradient of every task. */
    List<MetaGradient> hypergradients(ExecutorService pool, List<AdaptationResult> adapted, List<Rollouts> before, List<double[]> advantages, List<double[]> gradients)
    {
        return all(pool, slot -> algorithm.metaGradient(policy, phi, adapted.get(slot), before.get(slot).batch(), advantages.get(slot), gradients.get(slot)));
    }

    /** The whole per-task work through {@link GaussianLearner#train}. */
    List<TrainOutcome> train(ExecutorService pool)
    {
        return all(pool, slot -> learner.train(tasks.get(slot), phi, taskStream(slot), 0));
    }

    /**
     * The outer step from the tasks' outcomes (after the learner's batch preparation, as in the
     * meta-trainer), on a copy of φ, with the surrogate's per-task terms on {@code threads} threads.
     */
    double[] outerStep(OuterOptimizer optimizer, List<TrainOutcome> iteration, int threads)
    {
        List<TrainOutcome> outcomes = learner.prepare(iteration);
        double[] mean = new double[phi.length];
        for (TrainOutcome outcome : outcomes) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += outcome.metaGradient()[i] / outcomes.size();
            }
        }
        GaussianLearner stepping = new GaussianLearner(policy, algorithm, pre, post, GAMMA, AdvantageEstimator.batchMean(GAMMA), fisherKl, fisherTasks, Option.none(), threads);
        Option<MetaSurrogate> surrogate = stepping.surrogate(phi, outcomes);
        double[] next = phi.clone();
        optimizer.step(next, new MetaStep()
        {
            @Override
            public double[] gradient()
            {
                return mean;
            }

            @Override
            public Option<MetaSurrogate> surrogate()
            {
                return surrogate;
            }
        });
        return next;
    }

    interface SlotWork<T>
    {
        T run(int slot);
    }

    <T> List<T> all(ExecutorService pool, SlotWork<T> work)
    {
        int count = tasks.size();
        List<Callable<T>> calls = new ArrayList<>();
        for (int slot = 0; slot < count; slot++) {
            int s = slot;
            calls.add(() -> work.run(s));
        }
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
