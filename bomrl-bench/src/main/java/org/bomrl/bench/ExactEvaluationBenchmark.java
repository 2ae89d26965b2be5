package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;
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

/**
 * Exact policy evaluation against one exact hypergradient (issue target: a hypergradient costs at
 * most 3× an evaluation). {@code evaluate} is one exact evaluation (V, Q, visitation, J);
 * {@code hypergradient} is one implicit hypergradient h = (∂θ⋆/∂φ)ᵀ g of a task, given the adapted
 * policy and g; {@code metaStepTask} is all of a task's exact-mode meta-step work: exact round,
 * adapt, exact ∇J at the adapted policy and the hypergradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExactEvaluationBenchmark
{
    /** 8x8-infinite: the slippery 8x8 map as a discounted infinite-horizon MDP (LU path); 8x8: with its 200-step limit; paper: 4x4, 49 steps. */
    @Param({"8x8-infinite", "8x8", "paper-high-variance"})
    public String task;

    @Param({"distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean"})
    public String distance;

    private PolicyEvaluation evaluation;
    private TabularSoftmaxPolicy prior;
    private double[] probabilities;
    private TabularRound round;
    private TabularAdaptation algorithm;
    private TabularSoftmaxPolicy adapted;
    private double[] adaptedGradient;

    @Setup
    public void setUp()
    {
        TaskDistribution<Integer, Integer> distribution = task.startsWith("8x8")
                ? BenchmarkComponents.environment("env.frozenlake", Map.of("map_name", "8x8", "is_slippery", "true", "gamma", "0.95"))
                : BenchmarkComponents.environment("env.frozenlake." + task, Map.of());
        TabularMdp mdp = distribution.trainTasks().get(0).exactModel().get();
        if (task.equals("8x8-infinite")) {
            mdp = new TabularMdp(mdp.states(), mdp.actions(), mdp.transitions(), mdp.rewards(), mdp.gamma(), TabularMdp.INFINITE_HORIZON, mdp.initialDistribution());
        }
        evaluation = new PolicyEvaluation(mdp);
        SplittableRandom random = RandomSource.seeded(7).generator();
        double[] logits = new double[mdp.states() * mdp.actions()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextGaussian();
        }
        prior = TabularSoftmaxPolicy.of(mdp.states(), mdp.actions(), logits);
        probabilities = prior.probabilities();
        Evaluation exact = evaluation.evaluate(probabilities);
        round = new TabularRound(mdp.states(), mdp.actions(), exact.q(), exact.visitation(), exact.value(), 0);
        algorithm = BenchmarkComponents.adaptation("adapt.bomrl", Map.of("distance", distance, "lambda", "1.0", "hypergradient", "implicit"));
        adapted = algorithm.adapt(prior, round);
        adaptedGradient = evaluation.softmaxGradient(adapted.probabilities());
    }

    @Benchmark
    public Evaluation evaluate()
    {
        return evaluation.evaluate(probabilities);
    }

    @Benchmark
    public double[] hypergradient()
    {
        return algorithm.hypergradient(prior, adapted, round, adaptedGradient);
    }

    @Benchmark
    public double[] metaStepTask()
    {
        Evaluation exact = evaluation.evaluate(probabilities);
        TabularRound data = new TabularRound(prior.states(), prior.actions(), exact.q(), exact.visitation(), exact.value(), 0);
        TabularSoftmaxPolicy result = algorithm.adapt(prior, data);
        return algorithm.hypergradient(prior, result, data, evaluation.softmaxGradient(result.probabilities()));
    }
}
