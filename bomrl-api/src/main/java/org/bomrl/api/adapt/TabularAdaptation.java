package org.bomrl.api.adapt;

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
}
