package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.PolicyEvaluation;

import java.util.List;

/**
 * The paper's meta-parameter comparator (spec §1.3, §5a "What the published numbers actually came
 * from"): the best meta-parameter <em>after</em> adaptation, φ* = argmax_φ F(φ) with
 * F(φ) = (1/n) Σ_τ J_τ(Alg(π_φ, λ, τ)), and J_ref(τ) = J_τ(Alg(π_φ*, λ, τ)). Alg is BO-MRL Alg(2)
 * in exact mode, its closed form (spec §2.4.2): θ_τ = φ + Q_τ^{π_φ}/λ with the exact Q (time-0
 * action values of a finite-horizon task).
 *
 * <p>Exact hypergradient (spec §3.6, keeping the dependence of Q on φ):
 * ∇F(φ) = (1/n) Σ_τ [g_τ + (1/λ)(∂Q_τ^{π_φ}/∂φ)ᵀ g_τ] with g_τ = ∇_θ J_τ(π_θ_τ). Since
 * Q(s,a) = r(s,a) + γ Σ_s' P(s'|s,a) V₁(s'), (∂Q/∂φ)ᵀ g = ∇_φ (wᵀ V₁^{π_φ}) with
 * w(s') = γ Σ_{s,a} g(s,a) P(s'|s,a), which is the policy gradient of the same dynamics started
 * from the (signed) weights w, over the remaining horizon H − 1 (infinite horizon: the same
 * horizon); it is computed as |w⁺| ∇J_{w⁺/|w⁺|} − |w⁻| ∇J_{w⁻/|w⁻|}.
 *
 * <p>F is not concave, so the ascent is restarted: from the uniform policy (φ = 0) and
 * {@code restarts − 1} starts drawn from N(0, 1) out of {@code RandomSource.seeded(seed)}; each
 * runs {@code iterations} Adam ascent steps; the highest final F wins (ties to the earliest start).
 * A local optimum in general. Depends only on the tasks and the settings. Thread-safe: every call
 * uses its own evaluators.
 *
 * <p>This is {@code compare.meta-parameter-adapted} with {@code algorithm = alg2} (the default):
 * one reference for all methods. With {@code algorithm = method} each method is compared after
 * adaptation with its own algorithm instead ({@link OwnAlgorithmMetaParameterComparator},
 * {@link MethodMetaParameterComparator}).
 */
final class AdaptedMetaParameterComparator
        implements OptimalityComparator
{
    static final String NAME = "compare.meta-parameter-adapted";
    /** The stream of the random starts, shared with {@link MethodMetaParameterComparator} (an Alg(2) method gets the same starts). */
    static final String STARTS = "adapted-meta-parameter-comparator";

    private final double lambda;
    private final int iterations;
    private final double learningRate;
    private final int restarts;
    private final long seed;

    AdaptedMetaParameterComparator(double lambda, int iterations, double learningRate, int restarts, long seed)
    {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite: " + lambda);
        }
        if (iterations < 1 || restarts < 1) {
            throw new IllegalArgumentException("iterations and restarts must be positive: " + iterations + ", " + restarts);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite: " + learningRate);
        }
        this.lambda = lambda;
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.restarts = restarts;
        this.seed = seed;
    }

    @Override
    public String label()
    {
        return "best meta-parameter after one Alg(2) step (λ = " + lambda + ")";
    }

    /** J_τ(Alg(π_φ*, λ, τ)) for each task. */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        List<PolicyEvaluation> evaluations = MetaParameterComparator.evaluations(tasks);
        double[] phi = bestMetaParameter(evaluations);
        return evaluations.stream().mapToDouble(evaluation -> adaptedValue(evaluation, phi)).toArray();
    }

    private double[] bestMetaParameter(List<PolicyEvaluation> evaluations)
    {
        TabularMdp first = evaluations.get(0).mdp();
        return RestartedAscent.maximise(new AscentSettings(iterations, learningRate, restarts, seed), STARTS, first.states() * first.actions(),
                phi -> objective(evaluations, phi), phi -> hypergradient(evaluations, phi), NAME);
    }

    /** F(φ) = (1/n) Σ_τ J_τ(softmax(φ + Q_τ^{π_φ}/λ)). */
    double objective(List<PolicyEvaluation> evaluations, double[] phi)
    {
        double sum = 0;
        for (PolicyEvaluation evaluation : evaluations) {
            sum += adaptedValue(evaluation, phi);
        }
        return sum / evaluations.size();
    }

    /** J_τ of the policy adapted from π_φ on the task of {@code evaluation}. */
    private double adaptedValue(PolicyEvaluation evaluation, double[] phi)
    {
        return evaluation.value(adapted(evaluation, phi).probabilities());
    }

    /** ∇F(φ), exact (class comment). Returns a new array. */
    double[] hypergradient(List<PolicyEvaluation> evaluations, double[] phi)
    {
        TabularMdp first = evaluations.get(0).mdp();
        int states = first.states();
        int actions = first.actions();
        double[] prior = probabilities(phi, states, actions);
        double[] total = new double[phi.length];
        for (PolicyEvaluation evaluation : evaluations) {
            TabularMdp mdp = evaluation.mdp();
            double[] g = evaluation.softmaxGradient(adapted(evaluation, phi).probabilities());
            double[] w = new double[states];
            double[] transition = mdp.transitions();
            for (int sa = 0; sa < states * actions; sa++) {
                for (int next = 0; next < states; next++) {
                    w[next] += mdp.gamma() * g[sa] * transition[sa * states + next];
                }
            }
            double[] through = valueGradient(mdp, w, prior);
            for (int i = 0; i < total.length; i++) {
                total[i] += (g[i] + through[i] / lambda) / evaluations.size();
            }
        }
        return total;
    }

    /** ∇_φ (wᵀ V₁^{π_φ}) over the remaining horizon; zero when none remains (H = 1). */
    static double[] valueGradient(TabularMdp mdp, double[] w, double[] prior)
    {
        double[] gradient = new double[prior.length];
        if (mdp.finiteHorizon() && mdp.horizon() == 1) {
            return gradient;
        }
        int remaining = mdp.finiteHorizon() ? mdp.horizon() - 1 : TabularMdp.INFINITE_HORIZON;
        for (int sign = 1; sign >= -1; sign -= 2) {
            double[] part = new double[w.length];
            double mass = 0;
            for (int s = 0; s < w.length; s++) {
                part[s] = Math.max(0, sign * w[s]);
                mass += part[s];
            }
            if (mass == 0) {
                continue;
            }
            for (int s = 0; s < w.length; s++) {
                part[s] /= mass;
            }
            TabularMdp started = new TabularMdp(mdp.states(), mdp.actions(), mdp.transitions(), mdp.rewards(), mdp.gamma(), remaining, part);
            double[] partGradient = new PolicyEvaluation(started).softmaxGradient(prior);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += sign * mass * partGradient[i];
            }
        }
        return gradient;
    }

    /** Alg(2) in exact mode: logits φ + Q^{π_φ}/λ. */
    private TabularSoftmaxPolicy adapted(PolicyEvaluation evaluation, double[] phi)
    {
        TabularMdp mdp = evaluation.mdp();
        double[] q = evaluation.evaluate(probabilities(phi, mdp.states(), mdp.actions())).q();
        double[] theta = phi.clone();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += q[i] / lambda;
        }
        return TabularSoftmaxPolicy.of(mdp.states(), mdp.actions(), theta);
    }

    private static double[] probabilities(double[] logits, int states, int actions)
    {
        double[] policy = new double[logits.length];
        TabularSoftmaxPolicy.softmax(logits, policy, states, actions);
        return policy;
    }

    @Override
    public String toString()
    {
        return NAME + "[lambda=" + lambda + ", iterations=" + iterations + ", learning_rate=" + learningRate + ", restarts=" + restarts + ", seed=" + seed + "]";
    }
}
