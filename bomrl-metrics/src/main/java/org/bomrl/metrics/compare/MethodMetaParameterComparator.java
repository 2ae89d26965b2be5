package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The paper's meta-parameter comparator for one method (spec §1.3): the best meta-parameter after
 * one adaptation step with <em>the method's own</em> within-task algorithm Alg (its distance, λ and
 * solver as configured for its meta-test), in exact mode,
 *
 * <pre>φ* = argmax_φ F(φ),   F(φ) = (1/n) Σ_τ J_τ(Alg(π_φ, τ)),   J_ref(τ) = J_τ(Alg(π_φ*, τ)),</pre>
 *
 * where Alg adapts from the exact round of π_φ (Q_τ^{π_φ}, ν_τ^{π_φ}, spec §2.2). Where the
 * algorithm gives exact derivatives, F is ascended with its exact gradient, the total
 * hypergradient through both the prior and the data (spec §3.2
 * with the data's dependence on φ kept, §3.6): with g_τ = ∇_θ J_τ(π_θ_τ) and the algorithm's
 * {@link TabularAdaptation#exactHypergradient} (h_τ, q̄_τ),
 *
 * <pre>∇F(φ) = (1/n) Σ_τ [h_τ + (∂Q_τ^{π_φ}∕∂φ)ᵀ q̄_τ],   (∂Q∕∂φ)ᵀ q̄ = ∇_φ (wᵀ V₁^{π_φ}),
 * w(s') = γ Σ_{s,a} q̄(s,a) P(s'|s,a)</pre>
 *
 * (the last as in {@link AdaptedMetaParameterComparator}). ν is held fixed, as the algorithm's
 * contract requires of its solution.
 *
 * <p>Where the algorithm gives no exact hypergradient (the as-coded Alg(1) solver, the trust region,
 * {@code adapt.pg}, {@code adapt.maml}, most plugins) the task's term is computed numerically
 * instead: (h_τ, q̄_τ) and ν̄_τ = ∂(gᵀθ*)∕∂ν by {@link FiniteDifferenceDerivatives} (Richardson-extrapolated
 * central differences of gᵀθ*(φ ± εe_i; Q, ν), gᵀθ*(φ; Q ± εe_i, ν) and gᵀθ*(φ; Q, ν(1 ± εe_s)),
 * ε = {@value FiniteDifferenceDerivatives#STEP} and ε/2), and since such algorithms may depend on ν
 * the data's dependence through ν^{π_φ} is added:
 *
 * <pre>∇F(φ) ≈ (1/n) Σ_τ [h_τ + (∂Q_τ^{π_φ}∕∂φ)ᵀ q̄_τ + ∇_φ(ν̄_τᵀ ν_τ^{π_φ})],   ν̄ᵀν^{π_φ} = J^{π_φ}(r = ν̄) ∕ Σ_{t&lt;H} γ^t,</pre>
 *
 * the last the exact policy gradient of the return with reward ν̄(s) in every state, over the
 * normalisation of ν (spec §2.2). That path is approximate (O(ε⁴) on smooth algorithms; on a
 * non-smooth one, such as the as-coded solver's clip, a slope over [−ε, ε]: still a well-defined
 * numerical ascent) and slower: 8·|S|·|A| + 4·|S| adaptations per task and ascent step instead of
 * one exact solve. The path is chosen per task and step by whether {@code exactHypergradient}
 * returns some; where it does, the exact path above is unchanged. {@link #toString} names the
 * path used ({@code derivatives=exact} or {@code derivatives=finite-differences}) once the
 * reference has been computed, and {@link #label} mentions finite differences when they were used.
 *
 * <p>F is not concave, so the ascent is restarted: from the
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
    /** Whether some task's gradient came from the algorithm's exact derivatives. */
    private volatile boolean exactUsed;
    /** Whether some task's gradient came from finite differences. */
    private volatile boolean finiteDifferencesUsed;

    MethodMetaParameterComparator(String method, TabularAdaptation algorithm, AscentSettings ascent)
    {
        this.method = requireNonNull(method, "method is null");
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        this.ascent = requireNonNull(ascent, "ascent is null");
    }

    @Override
    public String label()
    {
        return "best meta-parameter after one step of " + method + "'s algorithm" + (finiteDifferencesUsed ? " (finite-difference derivatives)" : "");
    }

    /** The derivatives the ascent has used so far (class comment). */
    String derivatives()
    {
        if (exactUsed && finiteDifferencesUsed) {
            return "exact+finite-differences";
        }
        if (exactUsed) {
            return "exact";
        }
        return finiteDifferencesUsed ? "finite-differences" : "exact-if-available-else-finite-differences";
    }

    /**
     * J_τ(Alg(π_φ*, τ)) for each task.
     *
     * @throws IllegalArgumentException naming a task without an exact model or with other |S|, |A|
     * @throws ArithmeticException naming the method, start and step if the ascent produces a non-finite gradient or the algorithm's
     *         derivatives fail (e.g. an ill-conditioned lower-level Hessian where the adapted policy is nearly deterministic, or an
     *         adaptation at a finite-difference point)
     */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        List<PolicyEvaluation> evaluations = MetaParameterComparator.evaluations(tasks);
        double[] phi = bestMetaParameter(evaluations);
        return evaluations.stream().mapToDouble(evaluation -> adaptedValue(evaluation, phi)).toArray();
    }

    /** φ* from the restarted ascent (class comment). */
    double[] bestMetaParameter(List<PolicyEvaluation> evaluations)
    {
        int size = evaluations.get(0).mdp().states() * evaluations.get(0).mdp().actions();
        return RestartedAscent.maximise(ascent, AdaptedMetaParameterComparator.STARTS, size, phi -> objective(evaluations, phi), phi -> hypergradient(evaluations, phi),
                AdaptedMetaParameterComparator.NAME + " for method " + method);
    }

    /** F(φ) = (1/n) Σ_τ J_τ(Alg(π_φ, τ)). */
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
        return evaluation.value(adapted(evaluation, prior(evaluation, phi)).probabilities());
    }

    /** ∇F(φ), exact where the algorithm gives exact derivatives, else by finite differences (class comment). Returns a new array. */
    double[] hypergradient(List<PolicyEvaluation> evaluations, double[] phi)
    {
        double[] total = new double[phi.length];
        for (PolicyEvaluation evaluation : evaluations) {
            TabularMdp mdp = evaluation.mdp();
            TabularSoftmaxPolicy prior = prior(evaluation, phi);
            TabularRound round = round(evaluation, prior);
            TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
            double[] g = evaluation.softmaxGradient(adapted.probabilities());
            Option<ExactHypergradient> exact = algorithm.exactHypergradient(prior, adapted, round, g);
            double[] h;
            double[] qBar;
            double[] nuBar = null;
            if (exact.isDefined()) {
                exactUsed = true;
                h = exact.get().prior();
                qBar = exact.get().actionValues();
            }
            else {
                finiteDifferencesUsed = true;
                FiniteDifferenceDerivatives.Parts parts = FiniteDifferenceDerivatives.of(algorithm, prior, round, g);
                h = parts.prior();
                qBar = parts.actionValues();
                nuBar = parts.visitation();
            }
            int states = mdp.states();
            double[] w = new double[states];
            double[] transition = mdp.transitions();
            for (int sa = 0; sa < qBar.length; sa++) {
                for (int next = 0; next < states; next++) {
                    w[next] += mdp.gamma() * qBar[sa] * transition[sa * states + next];
                }
            }
            double[] through = AdaptedMetaParameterComparator.valueGradient(mdp, w, prior.probabilities());
            if (nuBar != null) {
                double[] visited = visitationGradient(mdp, nuBar, prior.probabilities());
                for (int i = 0; i < through.length; i++) {
                    through[i] += visited[i];
                }
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += (h[i] + through[i]) / evaluations.size();
            }
        }
        return total;
    }

    /**
     * ∇_φ(ν̄ᵀν^{π_φ}) for the normalised discounted visitation ν (spec §2.2): ν̄ᵀν = J^{π_φ}(r = ν̄) ∕ Σ_{t&lt;H} γ^t
     * (1 − γ for an infinite horizon), the return with reward ν̄(s) on leaving s by any action, whose exact
     * softmax policy gradient {@link PolicyEvaluation#softmaxGradient} gives.
     */
    static double[] visitationGradient(TabularMdp mdp, double[] nuBar, double[] prior)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        double[] reward = new double[states * actions * states];
        for (int i = 0; i < reward.length; i++) {
            reward[i] = nuBar[i / (actions * states)];
        }
        TabularMdp weighted = new TabularMdp(states, actions, mdp.transitions(), reward, mdp.gamma(), mdp.horizon(), mdp.initialDistribution());
        double[] gradient = new PolicyEvaluation(weighted).softmaxGradient(prior);
        double gamma = mdp.gamma();
        double discounts = !mdp.finiteHorizon() ? 1 / (1 - gamma) : gamma == 1 ? mdp.horizon() : (1 - Math.pow(gamma, mdp.horizon())) / (1 - gamma);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= discounts;
        }
        return gradient;
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
        return AdaptedMetaParameterComparator.NAME + "[algorithm=method, method=" + method + ", " + ascent + ", derivatives=" + derivatives() + "]";
    }
}
