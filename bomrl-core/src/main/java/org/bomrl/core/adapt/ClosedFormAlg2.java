package org.bomrl.core.adapt;

/**
 * Alg(2), D = KL(π_θ‖π_φ): the exact solution π ∝ π_φ·exp(Q/λ), i.e. θ_s = φ_s + Q(s,·)/λ
 * (spec §2.4.2; mirror descent / tabular NPG). Stateless.
 */
final class ClosedFormAlg2
        implements StateSolver
{
    @Override
    public void solve(double[] phi, double[] q, int offset, int actions, double lambda, double[] theta)
    {
        for (int a = offset; a < offset + actions; a++) {
            theta[a] = phi[a] + q[a] / lambda;
        }
    }
}
