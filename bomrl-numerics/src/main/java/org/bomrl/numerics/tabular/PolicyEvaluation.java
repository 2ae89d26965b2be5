package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;

/**
 * Exact policy evaluation of tabular policies in one MDP: V, Q, the discounted visitation and
 * J by a linear solve (I − γP_π)V = r_π with EJML for infinite horizons, by backward recursion for
 * finite horizons; and the exact softmax policy gradient. Holds work buffers: one instance per
 * thread.
 */
public final class PolicyEvaluation
{
    private final TabularMdp mdp;

    public PolicyEvaluation(TabularMdp mdp)
    {
        this.mdp = mdp;
    }

    public TabularMdp mdp()
    {
        return mdp;
    }

    /**
     * Evaluates π given as probabilities π(a|s) at {@code s·|A| + a} (not modified).
     *
     * @throws ArithmeticException if the linear system is singular or the result is not finite
     */
    public Evaluation evaluate(double[] policy)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Exact ∇_θ J(π_θ) for the tabular softmax policy with probabilities {@code policy}:
     * infinite horizon (1/(1−γ)) d^π(s) π(a|s) A^π(s,a) (Agarwal et al.); finite horizon
     * Σ_{t<H} γ^t Pr(s_t=s) π(a|s) (Q_t(s,a) − V_t(s)). Returns a new |S|·|A| array.
     */
    public double[] softmaxGradient(double[] policy)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
