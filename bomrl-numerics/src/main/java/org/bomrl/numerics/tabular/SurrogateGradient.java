package org.bomrl.numerics.tabular;

import org.bomrl.api.adapt.TabularRound;

/**
 * The ν-normalised policy gradient h = ∇_φ Ŝ(φ) of the surrogate
 * Ŝ(φ) = Σ_s ν(s) Σ_a π_φ(a|s) Q(s,a) with the round's data (Q, ν) held fixed (spec §3.6, §3.7):
 * h(s,a) = ν(s)·π_φ(a|s)·(Q(s,a) − Σ_b π_φ(b|s) Q(s,b)). With exact infinite-horizon data of π_φ
 * this is (1−γ)∇J(π_φ) (spec §2.8); it carries no 1/(1−γ) factor, as the authors' code. It is the
 * policy-gradient inner step of MAML and the meta-gradient signal of the paper's Frozen Lake code.
 */
public final class SurrogateGradient
{
    private SurrogateGradient() {}

    /**
     * h at the policy π (probabilities at {@code s·|A| + a}). Returns a new |S|·|A| array.
     *
     * @throws ArithmeticException naming the state and its values if an entry is not finite
     */
    public static double[] at(double[] pi, TabularRound round)
    {
        int actions = round.actions();
        double[] q = round.q();
        double[] h = new double[q.length];
        double[] state = new double[actions];
        for (int s = 0; s < round.states(); s++) {
            int offset = s * actions;
            SoftmaxDerivatives.surrogateGradient(pi, q, offset, actions, state);
            double nu = round.visitation(s);
            for (int a = 0; a < actions; a++) {
                h[offset + a] = nu * state[a];
                if (!Double.isFinite(h[offset + a])) {
                    throw new ArithmeticException("policy gradient h(s=" + s + ", a=" + a + ") is not finite: " + h[offset + a]
                            + " (ν = " + nu + ", Q = " + q[offset + a] + ", π = " + pi[offset + a] + ")");
                }
            }
        }
        return h;
    }
}
