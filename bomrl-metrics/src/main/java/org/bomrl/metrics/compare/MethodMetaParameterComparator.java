package org.bomrl.metrics.compare;

import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.optim.Adam;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;

import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * The paper's meta-parameter comparator for one method (spec §1.3): the best meta-parameter after
 * one adaptation step with <em>the method's own</em> within-task algorithm Alg (its distance, λ and
 * solver as configured for its meta-test), in exact mode,
 *
 * <pre>φ* = argmax_φ F(φ),   F(φ) = (1/n) Σ_τ J_τ(Alg(π_φ, τ)),   J_ref(τ) = J_τ(Alg(π_φ*, τ)),</pre>
 *
 * where Alg adapts from the exact round of π_φ (Q_τ^{π_φ}, ν_τ^{π_φ}, spec §2.2). F is ascended
 * with its exact gradient, the total hypergradient through both the prior and the data (spec §3.2
 * with the data's dependence on φ kept, §3.6): with g_τ = ∇_θ J_τ(π_θ_τ) and the algorithm's
 * {@link TabularAdaptation#exactHypergradient} (h_τ, q̄_τ),
 *
 * <pre>∇F(φ) = (1/n) Σ_τ [h_τ + (∂Q_τ^{π_φ}∕∂φ)ᵀ q̄_τ],   (∂Q∕∂φ)ᵀ q̄ = ∇_φ (wᵀ V₁^{π_φ}),
 * w(s') = γ Σ_{s,a} q̄(s,a) P(s'|s,a)</pre>
 *
 * (the last as in {@link AdaptedMetaParameterComparator}). ν is held fixed, as the algorithm's
 * contract requires of its solution. F is not concave, so the ascent is restarted: from the
 * uniform policy (φ = 0) and {@code restarts − 1} starts drawn from N(0, 1) out of
 * {@code RandomSource.seeded(seed)}, the same starts as {@link AdaptedMetaParameterComparator}'s
 * (so with an Alg(2) method the two ascents agree to rounding); each runs {@code iterations} Adam
 * ascent steps; the highest final F wins (ties to the earliest start). A local optimum in general;
 * deterministic under the seed. Thread-safe if the algorithm is: every call uses its own evaluators.
 */
final class MethodMetaParameterComparator
        implements OptimalityComparator
{
    private final String method;
    private final TabularAdaptation algorithm;
    private final AscentSettings ascent;

    MethodMetaParameterComparator(String method, TabularAdaptation algorithm, AscentSettings ascent)
    {
        this.method = requireNonNull(method, "method is null");
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        this.ascent = requireNonNull(ascent, "ascent is null");
    }

    @Override
    public String label()
    {
        return "best meta-parameter after one step of " + method + "'s algorithm";
    }

    /**
     * J_τ(Alg(π_φ*, τ)) for each task.
     *
     * @throws IllegalArgumentException naming a task without an exact model or with other |S|, |A|, or the method if its algorithm has no exact derivatives
     * @throws ArithmeticException naming the method, start and step if the ascent produces a non-finite gradient or the algorithm's
     *         derivatives fail (e.g. an ill-conditioned lower-level Hessian where the adapted policy is nearly deterministic)
     */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        List<PolicyEvaluation> evaluations = MetaParameterComparator.evaluations(tasks);
        double[] phi = bestMetaParameter(evaluations);
        double[] values = new double[evaluations.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = evaluations.get(i).value(adapted(evaluations.get(i), prior(evaluations.get(i), phi)).probabilities());
        }
        return values;
    }

    /** φ* from the restarted ascent (class comment). */
    double[] bestMetaParameter(List<PolicyEvaluation> evaluations)
    {
        int size = evaluations.get(0).mdp().states() * evaluations.get(0).mdp().actions();
        RandomSource starts = RandomSource.seeded(ascent.seed()).derive("adapted-meta-parameter-comparator");
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < ascent.restarts(); restart++) {
            double[] phi = new double[size];
            if (restart > 0) {
                SplittableRandom random = starts.derive(restart).generator();
                for (int i = 0; i < size; i++) {
                    phi[i] = random.nextGaussian();
                }
            }
            Adam adam = new Adam(size, ascent.learningRate());
            for (int step = 0; step < ascent.iterations(); step++) {
                try {
                    adam.step(phi, hypergradient(evaluations, phi));
                }
                catch (ArithmeticException e) {
                    throw new ArithmeticException(AdaptedMetaParameterComparator.NAME + " for method " + method + ", start " + restart + ", ascent step " + step + ": "
                            + e.getMessage());
                }
            }
            double value = objective(evaluations, phi);
            if (value > bestValue) {
                bestValue = value;
                best = phi;
            }
        }
        return best;
    }

    /** F(φ) = (1/n) Σ_τ J_τ(Alg(π_φ, τ)). */
    double objective(List<PolicyEvaluation> evaluations, double[] phi)
    {
        double sum = 0;
        for (PolicyEvaluation evaluation : evaluations) {
            sum += evaluation.value(adapted(evaluation, prior(evaluation, phi)).probabilities());
        }
        return sum / evaluations.size();
    }

    /** ∇F(φ), exact (class comment). Returns a new array. */
    double[] hypergradient(List<PolicyEvaluation> evaluations, double[] phi)
    {
        double[] total = new double[phi.length];
        for (PolicyEvaluation evaluation : evaluations) {
            TabularMdp mdp = evaluation.mdp();
            TabularSoftmaxPolicy prior = prior(evaluation, phi);
            TabularRound round = round(evaluation, prior);
            TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
            double[] g = evaluation.softmaxGradient(adapted.probabilities());
            ExactHypergradient exact = algorithm.exactHypergradient(prior, adapted, round, g).getOrElseThrow(() -> new IllegalArgumentException(
                    AdaptedMetaParameterComparator.NAME + " with algorithm = method: method " + method + "'s algorithm " + algorithm
                            + " gives no exact hypergradient (TabularAdaptation.exactHypergradient), so the best meta-parameter after its adaptation cannot be found"
                            + " by exact ascent; use algorithm = alg2"));
            double[] h = exact.prior();
            double[] qBar = exact.actionValues();
            int states = mdp.states();
            double[] w = new double[states];
            double[] transition = mdp.transitions();
            for (int sa = 0; sa < qBar.length; sa++) {
                for (int next = 0; next < states; next++) {
                    w[next] += mdp.gamma() * qBar[sa] * transition[sa * states + next];
                }
            }
            double[] through = AdaptedMetaParameterComparator.valueGradient(mdp, w, prior.probabilities());
            for (int i = 0; i < total.length; i++) {
                total[i] += (h[i] + through[i]) / evaluations.size();
            }
        }
        return total;
    }

    private TabularSoftmaxPolicy adapted(PolicyEvaluation evaluation, TabularSoftmaxPolicy prior)
    {
        return algorithm.adapt(prior, round(evaluation, prior));
    }

    private static TabularSoftmaxPolicy prior(PolicyEvaluation evaluation, double[] phi)
    {
        return TabularSoftmaxPolicy.of(evaluation.mdp().states(), evaluation.mdp().actions(), phi);
    }

    /** The exact round of π_φ: Q^{π_φ}, ν^{π_φ}, J(π_φ), episodes = 0 (spec §2.2). */
    private static TabularRound round(PolicyEvaluation evaluation, TabularSoftmaxPolicy prior)
    {
        Evaluation exact = evaluation.evaluate(prior.probabilities());
        return new TabularRound(prior.states(), prior.actions(), exact.q(), exact.visitation(), exact.value(), 0);
    }

    @Override
    public String toString()
    {
        return AdaptedMetaParameterComparator.NAME + "[algorithm=method, method=" + method + ", " + ascent + "]";
    }
}
