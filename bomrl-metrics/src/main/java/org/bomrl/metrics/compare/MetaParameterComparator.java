package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.PolicyEvaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The meta-parameter comparator (spec §1.3), read as the <em>best single shared policy</em>: the
 * tabular softmax policy π̄ = argmax_π (1/n) Σ_τ J_τ(π) over the given tasks, used by every task
 * <em>without adaptation</em>; J_ref(τ) = J_τ(π̄). This is the reference of earlier meta-RL
 * analyses ("as good as the best shared meta-parameter"), reported next to the all-task optimum so
 * both comparators of the paper can be shown side by side.
 *
 * <p>The objective is not concave in the logits, so π̄ is found by exact-gradient ascent from
 * {@code restarts} starts: the uniform policy (θ = 0) and {@code restarts − 1} starts with logits
 * drawn from N(0, 1) out of {@code RandomSource.seeded(seed)}. Each start runs {@code iterations}
 * Adam steps (ascent, learning rate {@code learningRate}) on the exact gradient
 * (1/n) Σ_τ ∇_θ J_τ(π_θ) ({@link PolicyEvaluation#softmaxGradient}); the final policy with the
 * highest exact (1/n) Σ_τ J_τ wins (ties to the earliest start). The result is a local optimum in
 * general, and the supremum may only be approached (a deterministic optimum has infinite logits);
 * it depends only on the tasks and the settings, not on the run's seed, so gaps of different runs
 * are comparable. Being a pure function of the task models and the settings, results are memoised
 * per JVM (a suite evaluates the same distribution in several panels). Thread-safe: every call uses
 * its own evaluators and optimisers.
 */
final class MetaParameterComparator
        implements OptimalityComparator
{
    static final String NAME = "compare.meta-parameter";

    private static final int MEMO_CAPACITY = 64;
    private static final Map<Memo, double[]> MEMO = new ConcurrentHashMap<>();

    private final int iterations;
    private final double learningRate;
    private final int restarts;
    private final long seed;

    MetaParameterComparator(int iterations, double learningRate, int restarts, long seed)
    {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite: " + learningRate);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be positive: " + restarts);
        }
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.restarts = restarts;
        this.seed = seed;
    }

    @Override
    public String label()
    {
        return "best shared policy";
    }

    /**
     * J_τ(π̄) for each task, with π̄ from {@link #bestSharedPolicy}.
     *
     * @throws IllegalArgumentException naming a task without an exact model or with other |S|, |A|
     * @throws ArithmeticException naming the start and step if the ascent produces a non-finite gradient
     */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        List<PolicyEvaluation> evaluations = evaluations(tasks);
        Memo memo = new Memo(evaluations.stream().map(PolicyEvaluation::mdp).toList(), iterations, learningRate, restarts, seed);
        double[] memoised = MEMO.get(memo);
        if (memoised != null) {
            return memoised.clone();
        }
        double[] policy = maximise(evaluations).probabilities();
        double[] values = new double[evaluations.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = evaluations.get(i).value(policy);
        }
        if (MEMO.size() >= MEMO_CAPACITY) {
            MEMO.clear();
        }
        MEMO.put(memo, values.clone());
        return values;
    }

    /** What the reference values are a function of. */
    private record Memo(List<TabularMdp> models, int iterations, double learningRate, int restarts, long seed) {}

    /**
     * π̄ = argmax over the ascent's final policies of (1/n) Σ_τ J_τ(π).
     *
     * @throws IllegalArgumentException naming a task without an exact model or with other |S|, |A|
     */
    TabularSoftmaxPolicy bestSharedPolicy(List<? extends Task<?, ?>> tasks)
    {
        return maximise(evaluations(tasks));
    }

    private TabularSoftmaxPolicy maximise(List<PolicyEvaluation> evaluations)
    {
        TabularMdp first = evaluations.get(0).mdp();
        int states = first.states();
        int actions = first.actions();
        double[] policy = new double[states * actions];
        double[] gradient = new double[states * actions];
        double weight = 1.0 / evaluations.size();
        double[] best = RestartedAscent.maximise(new AscentSettings(iterations, learningRate, restarts, seed), "meta-parameter-comparator", states * actions,
                theta -> meanValue(evaluations, probabilities(theta, states, actions)), theta -> {
                    TabularSoftmaxPolicy.softmax(theta, policy, states, actions);
                    Arrays.fill(gradient, 0);
                    for (PolicyEvaluation evaluation : evaluations) {
                        double[] taskGradient = evaluation.softmaxGradient(policy);
                        for (int i = 0; i < gradient.length; i++) {
                            gradient[i] += weight * taskGradient[i];
                        }
                    }
                    return gradient;
                }, "meta-parameter comparator");
        return TabularSoftmaxPolicy.of(states, actions, best);
    }

    private static double meanValue(List<PolicyEvaluation> evaluations, double[] policy)
    {
        double sum = 0;
        for (PolicyEvaluation evaluation : evaluations) {
            sum += evaluation.value(policy);
        }
        return sum / evaluations.size();
    }

    private static double[] probabilities(double[] theta, int states, int actions)
    {
        double[] policy = new double[theta.length];
        TabularSoftmaxPolicy.softmax(theta, policy, states, actions);
        return policy;
    }

    /** One evaluator per task; checks exact models exist and share |S| and |A|. */
    static List<PolicyEvaluation> evaluations(List<? extends Task<?, ?>> tasks)
    {
        requireNonNull(tasks, "tasks is null");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("the meta-parameter comparator needs at least one task");
        }
        TabularMdp first = null;
        String firstId = null;
        PolicyEvaluation[] evaluations = new PolicyEvaluation[tasks.size()];
        for (int i = 0; i < evaluations.length; i++) {
            Task<?, ?> task = requireNonNull(tasks.get(i), "task is null");
            TabularMdp mdp = task.exactModel().getOrElseThrow(() -> new IllegalArgumentException("task '" + task.id()
                    + "' has no exact model: the meta-parameter comparator optimises a shared tabular policy on exact models;"
                    + " a non-tabular task needs an oracle comparator"));
            if (first == null) {
                first = mdp;
                firstId = task.id();
            }
            else if (mdp.states() != first.states() || mdp.actions() != first.actions()) {
                throw new IllegalArgumentException("task '" + task.id() + "' has |S|=" + mdp.states() + ", |A|=" + mdp.actions()
                        + " but task '" + firstId + "' has |S|=" + first.states() + ", |A|=" + first.actions()
                        + ": a shared policy needs equal state and action spaces");
            }
            evaluations[i] = new PolicyEvaluation(mdp);
        }
        return List.of(evaluations);
    }

    @Override
    public String toString()
    {
        return NAME + "[iterations=" + iterations + ", learning_rate=" + learningRate + ", restarts=" + restarts + ", seed=" + seed + "]";
    }
}
