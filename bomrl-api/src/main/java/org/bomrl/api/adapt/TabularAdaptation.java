package org.bomrl.api.adapt;

import io.vavr.control.Option;
import org.bomrl.api.Experimental;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * A within-task algorithm on tabular softmax policies and the hypergradient of its meta-update
 * (spec §2, §3). One adaptation step is one round: data collected with the prior, then
 * {@link #adapt}. Implementations are immutable and thread-safe; the framework calls them
 * concurrently for different tasks.
 */
@Experimental(since = "0.1")
public interface TabularAdaptation
{
    /**
     * θ = Alg(π_φ, τ) computed from one round of data collected with π_φ.
     *
     * @throws ArithmeticException with the state and values when the solver fails (NaN, divergence)
     */
    TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round);

    /**
     * The meta-gradient contribution h = (∂θ/∂φ)ᵀ g of one task, given g = ∇_θ J_τ(θ) at the
     * adapted policy (spec §3.2, (*)), with the data held fixed. {@code adapted} is the result of
     * {@link #adapt} on the same arguments. Returns a new array of |S|·|A| entries.
     *
     * @throws ArithmeticException naming the state when a linear system is singular or ill-conditioned
     */
    double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient);

    /**
     * The exact derivatives of this algorithm's solution map at {@code adapted} (spec §3.2, §3.6),
     * whatever meta-gradient the algorithm's own {@link #hypergradient} is configured to use:
     * (∂θ*∕∂φ)ᵀ g and (∂θ*∕∂Q)ᵀ g, with the visitation ν held fixed (the solution must not depend
     * on ν where ν(s) &gt; 0, or the algorithm returns none). Used where the data's own dependence on
     * φ counts, e.g. the meta-parameter comparator's exact ascent on
     * φ ↦ (1/n) Σ_τ J_τ(Alg(π_φ, τ)) (spec §1.3). The default is {@link Option#none()}: the
     * algorithm does not provide exact derivatives.
     *
     * @throws ArithmeticException naming the state when a linear system is singular or ill-conditioned
     */
    default Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        return Option.none();
    }
}
