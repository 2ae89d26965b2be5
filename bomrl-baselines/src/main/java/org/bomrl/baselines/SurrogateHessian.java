package org.bomrl.baselines;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.numerics.tabular.SoftmaxDerivatives;

/**
 * Products with the Hessian ∇²_φ Ŝ(φ) of the surrogate Ŝ(φ) = Σ_s ν(s) Σ_a π_φ(a|s) Q(s,a), data
 * (Q, ν) held fixed. It is block-diagonal over states with blocks ν(s)·M(π_φ(·|s), Q_s), where
 * M(π, q) = diag(π⊙u) − π(π⊙u)ᵀ − (π⊙u)πᵀ, u = q − (π·q)1 (spec §3.6), and symmetric.
 */
final class SurrogateHessian
{
    private SurrogateHessian() {}

    /**
     * ∇²Ŝ·v at the policy π (probabilities at {@code s·|A| + a}). Returns a new |S|·|A| array.
     *
     * @param v not modified
     * @throws ArithmeticException naming the state if an entry is not finite
     */
    static double[] times(double[] pi, TabularRound round, double[] v)
    {
        int actions = round.actions();
        double[] q = round.q();
        double[] product = new double[q.length];
        double[] block = new double[actions * actions];
        for (int s = 0; s < round.states(); s++) {
            int offset = s * actions;
            SoftmaxDerivatives.surrogateHessian(pi, q, offset, actions, block);
            double nu = round.visitation(s);
            for (int i = 0; i < actions; i++) {
                double sum = 0;
                for (int j = 0; j < actions; j++) {
                    sum += block[i * actions + j] * v[offset + j];
                }
                product[offset + i] = nu * sum;
                if (!Double.isFinite(product[offset + i])) {
                    throw new ArithmeticException("surrogate Hessian product at (s=" + s + ", a=" + i + ") is not finite: "
                            + product[offset + i] + " (ν = " + nu + ", Q = " + q[offset + i] + ", v = " + v[offset + i] + ")");
                }
            }
        }
        return product;
    }
}
