package org.bomrl.bench;

import io.vavr.control.Option;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
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
 * {@link StandInLocomotion} ({@value #STAND_IN}) or on MuJoCo's {@code env.mujoco.half-cheetah-vel}
 * ({@value #MUJOCO}, Gym v4 dynamics, variant {@code bomrl}, time limit 400 so that the continuation
 * runs): {@value #TASKS} tasks (stand-in: v* = 0.2·(slot + 0.5); MuJoCo: v* ∼ U[0, 2] drawn from a
 * fixed seed) × {@value #EPISODES} episodes of {@value #HORIZON} steps plus the {@value #HORIZON}-step
 * bootstrap continuation, {@value #POST_EPISODES} post-update episodes per task, 17 → 128 → 128 → 6
 * tanh MLP, the TRPO outer step with δ = 0.01, γ = 0.99. The adaptation algorithm is BO-MRL
 * ({@code adapt.bomrl}: λ = {@value #LAMBDA}, 50 inner Adam steps, CG 10, Fisher on
 * {@value #FISHER_TASKS} tasks) or the authors' MAML-TRPO ({@code adapt.maml-trpo}, paper variant:
 * one second-order smoothed-surrogate step α = 0.1, Fisher on all {@value #TASKS} tasks, spec §7.3).
 * The same work as {@link GaussianLearner#train} split into its phases, each run over all tasks on
 * the given pool (results in task order).
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
    /** The pure-Java stand-in environment. */
    static final String STAND_IN = "stand-in";
    /** MuJoCo Half-Cheetah goal velocity through the native bridge. */
    static final String MUJOCO = "mujoco";
    static final String BOMRL = "adapt.bomrl";
    static final String MAML_TRPO = "adapt.maml-trpo";

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

    /** The HalfCheetahVel-size BO-MRL iteration on the stand-in (see the class comment). */
    MetaIterationFixture(String distance, int innerSteps)
    {
        this(BOMRL, bomrl(distance, innerSteps), halfCheetahVelTasks(STAND_IN), halfCheetahVelPolicy(), new TrajectorySampler(EPISODES, HORIZON, HORIZON, GAMMA),
                new TrajectorySampler(POST_EPISODES, HORIZON, HORIZON, GAMMA), FISHER_TASKS);
    }

    /**
     * An iteration of other sizes: the adaptation algorithm (registry name) and its settings, the tasks
     * (one slot each), the policy, the samplers and the number of Fisher tasks.
     */
    MetaIterationFixture(String adaptationName, Map<String, String> adaptationSettings, List<Task<double[], double[]>> tasks, GaussianMlpPolicy policy,
            TrajectorySampler pre, TrajectorySampler post, int fisherTasks)
    {
        this(adaptation(adaptationName, adaptationSettings), tasks, policy, pre, post, fisherTasks);
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

    /**
     * The HalfCheetahVel-size iteration (see the class comment) on {@code environment}
     * ({@value #STAND_IN} or {@value #MUJOCO}) with {@code adaptation} ({@value #BOMRL} with
     * {@code distance}, or {@value #MAML_TRPO}, whose outer step takes the Fisher matrix on all
     * tasks as the authors' code does, spec §7.3).
     */
    static MetaIterationFixture halfCheetahVel(String environment, String adaptation, String distance)
    {
        Map<String, String> settings;
        int fisherTasks;
        switch (adaptation) {
            case BOMRL -> {
                settings = bomrl(distance, 50);
                fisherTasks = FISHER_TASKS;
            }
            case MAML_TRPO -> {
                settings = Map.of("variant", "paper");
                fisherTasks = TASKS;
            }
            default -> throw new IllegalArgumentException("adaptation = '" + adaptation + "' is invalid: expected " + BOMRL + " or " + MAML_TRPO);
        }
        return new MetaIterationFixture(adaptation, settings, halfCheetahVelTasks(environment), halfCheetahVelPolicy(),
                new TrajectorySampler(EPISODES, HORIZON, HORIZON, GAMMA), new TrajectorySampler(POST_EPISODES, HORIZON, HORIZON, GAMMA), fisherTasks);
    }

    private static GaussianMlpPolicy halfCheetahVelPolicy()
    {
        return GaussianMlpPolicy.tanh(StandInLocomotion.OBSERVATIONS, StandInLocomotion.ACTIONS, 128, 128);
    }

    /** The {@value #TASKS} HalfCheetahVel tasks on {@code environment}, each with the time limit 2 × {@value #HORIZON}. */
    static List<Task<double[], double[]>> halfCheetahVelTasks(String environment)
    {
        return switch (environment) {
            case STAND_IN -> standInTasks();
            case MUJOCO -> mujocoTasks();
            default -> throw new IllegalArgumentException("environment = '" + environment + "' is invalid: expected " + STAND_IN + " or " + MUJOCO);
        };
    }

    /** The §5b-size iteration of the example {@code examples/continuous/navigation-2d.properties} (Alg(1)): 10 sampled goals, 64×64 MLP, 20 + 40 episodes of 100 steps. */
    static MetaIterationFixture navigation()
    {
        return navigation(BOMRL, bomrl("distance.kl-prior-adapted", 50));
    }

    /** The iteration of {@link #navigation()} with the adaptation algorithm {@code name} and its {@code settings} instead of Alg(1). */
    static MetaIterationFixture navigation(String name, Map<String, String> settings)
    {
        List<Task<double[], double[]>> goals = sampledTasks("env.navigation-2d", Map.of("horizon", "100", "gamma", "0.99"));
        return new MetaIterationFixture(name, settings, goals, GaussianMlpPolicy.tanh(2, 2, 64, 64), new TrajectorySampler(20, 100, 0, GAMMA),
                new TrajectorySampler(40, 100, 0, GAMMA), FISHER_TASKS);
    }

    /** {@value #TASKS} tasks drawn with the fixed seed 543 from the registered family {@code name} with its {@code environment.*} settings. */
    private static List<Task<double[], double[]>> sampledTasks(String name, Map<String, String> settings)
    {
        ComponentFactory<TaskDistribution<?, ?>> factory = COMPONENTS.environment("environment", name);
        @SuppressWarnings("unchecked")
        TaskDistribution<double[], double[]> distribution = (TaskDistribution<double[], double[]>) COMPONENTS.create(factory,
                MapSettings.of("environment", settings, factory.settings()), RandomSource.seeded(543));
        return distribution.sampleTrainTasks(TASKS, RandomSource.seeded(543).derive("tasks").generator());
    }

    /** HalfCheetahVel on MuJoCo (spec §5b: Gym v4 dynamics, unbounded actions), time limit 2 × {@value #HORIZON} for the continuation. */
    private static List<Task<double[], double[]>> mujocoTasks()
    {
        List<Task<double[], double[]>> tasks = sampledTasks("env.mujoco.half-cheetah-vel",
                Map.of("variant", "bomrl", "actions", "unbounded", "horizon", Integer.toString(2 * HORIZON)));
        try (var environment = tasks.get(0).newEnvironment()) {
            int observations = ((BoxSpace) environment.observationSpace()).dimension();
            int actions = ((BoxSpace) environment.actionSpace()).dimension();
            if (observations != StandInLocomotion.OBSERVATIONS || actions != StandInLocomotion.ACTIONS) {
                throw new IllegalStateException("env.mujoco.half-cheetah-vel has " + observations + " observations and " + actions + " actions, expected "
                        + StandInLocomotion.OBSERVATIONS + " and " + StandInLocomotion.ACTIONS);
            }
        }
        return tasks;
    }

    /** BO-MRL's settings: the distance, λ = {@value #LAMBDA} and the inner Adam steps. */
    static Map<String, String> bomrl(String distance, int innerSteps)
    {
        return Map.of("distance", distance, "lambda", Double.toString(LAMBDA), "inner_steps", Integer.toString(innerSteps));
    }

    private static GaussianAdaptation adaptation(String name, Map<String, String> settings)
    {
        var adaptation = COMPONENTS.adaptation("adaptation", name);
        return COMPONENTS.create(adaptation, MapSettings.of("adaptation", settings, adaptation.settings()), RandomSource.seeded(1)).gaussian()
                .getOrElseThrow(() -> new IllegalArgumentException("adaptation " + name + " has no Gaussian-policy view"));
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
