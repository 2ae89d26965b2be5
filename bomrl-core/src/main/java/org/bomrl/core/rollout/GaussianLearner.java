package org.bomrl.core.rollout;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.env.Task;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.core.exec.LocalTaskRunner;
import org.bomrl.core.exec.TaskRunner;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Gaussian-policy learner (spec §3.5): per task, D ← rollouts of π_φ (with the bootstrap
 * continuation of §5b), Â = Q̂ − mean Q̂; θ = Alg(π_φ, D); D' ← rollouts of π_θ, Â';
 * h from the algorithm given D' and Â' (by default from g = (1/N') Σ_j Â'_j ∇_θ log π_θ(a_j|s_j),
 * the gradient of the importance-sampled surrogate at θ). The outer surrogate of an iteration is the mean of the tasks' terms, with
 * the Fisher-vector product of the mean KL(π_φ‖π_φ') over the pre-adaptation states of the first
 * {@code fisherTasks} tasks (spec §3.5 step 8). The meta-test reports, per step k, the mean
 * undiscounted return of the round collected with π^(k) (spec §5b, stochastic actions) and, as
 * "exact", its mean discounted return (an estimate: the Gaussian path has no exact evaluation yet).
 *
 * <p>With a running observation filter (spec §5b) every round of a unit, train or test, presents
 * observations through the unit's frozen filter ({@link TrajectorySampler}); the batches hold the
 * normalised observations, so the adaptation, the meta-gradient and the outer surrogate all work on
 * what the policy saw, and a training outcome carries the raw statistics of its pre- and
 * post-adaptation rounds merged in that order. The warm-up ({@link #observe}) collects episodes of
 * π_φ on raw observations, without the bootstrap continuation.
 * Stateless and thread-safe.
 */
public final class GaussianLearner
        implements TaskLearner
{
    private final GaussianPolicy policy;
    private final GaussianAdaptation algorithm;
    private final TrajectorySampler pre;
    private final TrajectorySampler post;
    private final double gamma;
    private final AdvantageEstimator estimator;
    private final GaussianDistance fisherKl;
    private final int fisherTasks;
    private final Option<ObservationFilterSettings> filter;
    private final TaskRunner surrogateRunner;

    /**
     * Each Fisher task's states are split into this many parts of consecutive rows, evaluated as
     * separate pieces of work (F = Σ_parts (n_part/n) F_part): with a handful of Fisher tasks on
     * two threads the parts balance the load. Fixed, so results do not depend on the thread count.
     */
    private static final int FISHER_PARTS = 2;

    /**
     * A learner without an observation filter that evaluates the outer surrogate on the caller's thread.
     *
     * @param fisherKl KL(π_φ‖π_θ) (Alg(1)'s distance), whose Hessian in θ at θ = φ is the Fisher matrix
     */
    public GaussianLearner(GaussianPolicy policy, GaussianAdaptation algorithm, TrajectorySampler pre, TrajectorySampler post, double gamma, AdvantageEstimator estimator,
            GaussianDistance fisherKl, int fisherTasks)
    {
        this(policy, algorithm, pre, post, gamma, estimator, fisherKl, fisherTasks, Option.none(), 1);
    }

    /**
     * @param fisherKl KL(π_φ‖π_θ) (Alg(1)'s distance), whose Hessian in θ at θ = φ is the Fisher matrix
     * @param filter the running observation filter, none for raw observations
     * @param threads threads over which the outer surrogate's per-task terms are evaluated (results do not depend on it)
     */
    public GaussianLearner(GaussianPolicy policy, GaussianAdaptation algorithm, TrajectorySampler pre, TrajectorySampler post, double gamma, AdvantageEstimator estimator,
            GaussianDistance fisherKl, int fisherTasks, Option<ObservationFilterSettings> filter, int threads)
    {
        this.filter = java.util.Objects.requireNonNull(filter, "filter is null");
        this.surrogateRunner = new LocalTaskRunner(threads);
        this.policy = policy;
        this.algorithm = algorithm;
        this.pre = pre;
        this.post = post;
        this.gamma = gamma;
        this.estimator = estimator;
        this.fisherKl = fisherKl;
        this.fisherTasks = fisherTasks;
    }

    @Override
    public int parameterCount()
    {
        return policy.parameterCount();
    }

    @Override
    public Option<ObservationFilterSettings> observationFilter()
    {
        return filter;
    }

    @Override
    public TrainOutcome train(Task<?, ?> task, double[] phi, ObservationFilter unitFilter, RandomSource stream, int iteration)
    {
        checkFilter(unitFilter, task);
        Task<double[], double[]> continuous = continuous(task);
        Rollouts before = pre.collect(continuous, policy, phi, unitFilter, stream.derive("prior"));
        double[] advantages = estimator.advantages(before);
        AdaptationResult adapted = algorithm.adapt(policy, phi, before.batch(), advantages);
        Rollouts after = post.collect(continuous, policy, adapted.theta(), unitFilter, stream.derive("adapted"));
        MetaGradient metaGradient = algorithm.metaGradient(policy, phi, adapted, before.batch(), advantages, after.batch(), estimator.advantages(after));
        Map<String, Double> diagnostics = Map.of("cg_truncated", metaGradient.truncated() ? 1.0 : 0.0, "inner_steps", (double) adapted.iterations(),
                "inner_distance", adapted.distance(), "invalid_episodes", (double) (before.invalidEpisodes() + after.invalidEpisodes()));
        return new TrainOutcome(metaGradient.h(), before.batch().meanUndiscountedReturn(), after.batch().meanUndiscountedReturn(),
                new Detail(metaGradient, before.batch()), diagnostics, before.observed().map(prior -> prior.merge(after.observed().get())));
    }

    @Override
    public TestOutcome test(Task<?, ?> task, double[] phi, ObservationFilter unitFilter, int rounds, RandomSource stream)
    {
        checkFilter(unitFilter, task);
        Task<double[], double[]> continuous = continuous(task);
        double[] returns = new double[rounds + 1];
        double[] discounted = new double[rounds + 1];
        double[] theta = phi;
        for (int k = 0; k <= rounds; k++) {
            Rollouts rollouts = pre.collect(continuous, policy, theta, unitFilter, stream.derive(k));
            returns[k] = rollouts.batch().meanUndiscountedReturn();
            discounted[k] = meanDiscountedReturn(rollouts.batch());
            if (k < rounds) {
                theta = algorithm.adaptRound(k, policy, theta, rollouts.batch(), estimator.advantages(rollouts)).theta();
            }
        }
        return new TestOutcome(returns, discounted);
    }

    /** {@code episodes} episodes of π_φ of the pre-adaptation horizon on raw observations, without continuation: the statistics of every state. */
    @Override
    public ObservationStatistics observe(Task<?, ?> task, double[] phi, int episodes, RandomSource stream)
    {
        if (filter.isEmpty()) {
            return TaskLearner.super.observe(task, phi, episodes, stream);
        }
        Rollouts rollouts = new TrajectorySampler(episodes, pre.horizon(), 0, pre.gamma()).collect(continuous(task), policy, phi, ObservationFilter.identity(), stream);
        return ObservationStatistics.ofBatch(rollouts.batch());
    }

    private void checkFilter(ObservationFilter unitFilter, Task<?, ?> task)
    {
        if (filter.isEmpty() != (unitFilter instanceof ObservationFilter.Identity)) {
            throw new IllegalArgumentException("task " + task.id() + ": the unit's observation filter " + unitFilter.getClass().getSimpleName()
                    + " does not fit this learner's " + (filter.isEmpty() ? "policy.observation_filter = none" : "policy.observation_filter = running"));
        }
        if (unitFilter instanceof ObservationFilter.Frozen frozen && frozen.clip() != filter.get().clip()) {
            throw new IllegalArgumentException("task " + task.id() + ": the unit's observation filter clips at " + frozen.clip() + ", this learner at " + filter.get().clip());
        }
    }

    /** The algorithm's meta-batch step (e.g. E-MAML's standardisation of post-update rewards over the batch), in task order. */
    @Override
    public List<TrainOutcome> prepare(List<TrainOutcome> outcomes)
    {
        List<MetaGradient> prepared = algorithm.prepareMetaBatch(outcomes.stream().map(outcome -> ((Detail) outcome.detail()).metaGradient()).toList());
        List<TrainOutcome> result = new java.util.ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            TrainOutcome outcome = outcomes.get(i);
            MetaGradient metaGradient = prepared.get(i);
            result.add(metaGradient == ((Detail) outcome.detail()).metaGradient() ? outcome : new TrainOutcome(metaGradient.h(), outcome.priorReturn(),
                    outcome.adaptedReturn(), new Detail(metaGradient, ((Detail) outcome.detail()).batch()), outcome.diagnostics(), outcome.observed()));
        }
        return result;
    }

    /**
     * The outer surrogate: ℓ and ∇ℓ are means of the tasks' terms, the mean KL, its gradient and
     * the Fisher-vector product means over the first {@code fisherTasks} tasks. The per-task terms
     * are evaluated in parallel and reduced in task order, so the values do not depend on the
     * thread count.
     */
    @Override
    public Option<MetaSurrogate> surrogate(double[] phi, List<TrainOutcome> outcomes)
    {
        List<Detail> details = outcomes.stream().map(outcome -> (Detail) outcome.detail()).toList();
        List<TrajectoryBatch> fisherBatches = details.subList(0, Math.min(fisherTasks, details.size())).stream().map(Detail::batch).toList();
        List<Callable<GaussianFisher>> parts = new java.util.ArrayList<>();
        List<Double> weights = new java.util.ArrayList<>();
        for (TrajectoryBatch batch : fisherBatches) {
            int n = batch.steps();
            int dimension = batch.observationDimension();
            for (int p = 0; p < FISHER_PARTS; p++) {
                int from = n * p / FISHER_PARTS;
                int to = n * (p + 1) / FISHER_PARTS;
                if (to > from) {
                    double[] rows = java.util.Arrays.copyOfRange(batch.observations(), from * dimension, to * dimension);
                    parts.add(() -> new GaussianFisher(policy, phi, rows, to - from));
                    weights.add((double) (to - from) / n / fisherBatches.size());
                }
            }
        }
        List<GaussianFisher> fishers = surrogateRunner.runAll(parts);
        return Option.some(new MetaSurrogate()
        {
            /** The tasks' terms ℓ_τ, prepared at the first evaluation (an outer step that never evaluates ℓ prepares nothing). */
            private List<java.util.function.ToDoubleFunction<double[]>> terms;

            @Override
            public double loss(double[] phiPrime)
            {
                if (terms == null) {
                    terms = surrogateRunner.runAll(details.stream().<Callable<java.util.function.ToDoubleFunction<double[]>>>map(
                            detail -> () -> algorithm.surrogateTerm(policy, detail.batch(), detail.metaGradient())).toList());
                }
                List<Double> values = surrogateRunner.runAll(terms.stream().<Callable<Double>>map(term -> () -> term.applyAsDouble(phiPrime)).toList());
                return meanOf(values);
            }

            @Override
            public void gradient(double[] phiPrime, double[] out)
            {
                meanInto(surrogateRunner.runAll(details.stream().<Callable<double[]>>map(detail -> () -> {
                    double[] term = new double[phi.length];
                    algorithm.surrogateLossGradient(policy, phiPrime, detail.batch(), detail.metaGradient(), term);
                    return term;
                }).toList()), out);
            }

            @Override
            public void meanKlGradient(double[] phiPrime, double[] out)
            {
                meanInto(surrogateRunner.runAll(fisherBatches.stream().<Callable<double[]>>map(batch -> () -> {
                    double[] term = new double[phi.length];
                    fisherKl.gradientTheta(policy, phiPrime, phi, batch.observations(), batch.steps(), term);
                    return term;
                }).toList()), out);
            }

            @Override
            public double meanKl(double[] phiPrime)
            {
                return meanOf(surrogateRunner.runAll(fisherBatches.stream()
                        .<Callable<Double>>map(batch -> () -> fisherKl.value(policy, phiPrime, phi, batch.observations(), batch.steps())).toList()));
            }

            @Override
            public void fisherVectorProduct(double[] v, double[] out)
            {
                List<double[]> terms = surrogateRunner.runAll(fishers.stream().<Callable<double[]>>map(fisher -> () -> {
                    double[] term = new double[phi.length];
                    fisher.apply(v, term);
                    return term;
                }).toList());
                java.util.Arrays.fill(out, 0);
                for (int k = 0; k < terms.size(); k++) {
                    double weight = weights.get(k);
                    double[] term = terms.get(k);
                    for (int i = 0; i < out.length; i++) {
                        out[i] += weight * term[i];
                    }
                }
            }
        });
    }

    /** (1/K) Σ_k terms_k, summed in order. */
    private static double meanOf(List<Double> terms)
    {
        double sum = 0;
        for (double term : terms) {
            sum += term;
        }
        return sum / terms.size();
    }

    /** out = Σ_k terms_k / K, accumulated in order (overwritten). */
    private static void meanInto(List<double[]> terms, double[] out)
    {
        java.util.Arrays.fill(out, 0);
        for (double[] term : terms) {
            for (int i = 0; i < out.length; i++) {
                out[i] += term[i] / terms.size();
            }
        }
    }

    private double meanDiscountedReturn(TrajectoryBatch batch)
    {
        double[] rewards = batch.rewards();
        double sum = 0;
        for (int e = 0; e < batch.episodes(); e++) {
            double discount = 1;
            for (int i = batch.episodeStart(e); i < batch.episodeStart(e + 1); i++) {
                sum += discount * rewards[i];
                discount *= gamma;
            }
        }
        return sum / batch.episodes();
    }

    @SuppressWarnings("unchecked")
    private static Task<double[], double[]> continuous(Task<?, ?> task)
    {
        return (Task<double[], double[]>) task;
    }

    /** What the outer surrogate needs of one task, as data: its meta-gradient and its pre-adaptation batch. */
    record Detail(MetaGradient metaGradient, TrajectoryBatch batch)
            implements java.io.Serializable {}
}
