package org.bomrl.core.adapt;

import org.bomrl.numerics.tabular.Softmax;

/**
 * Alg(1), D = KL(π_φ‖π_θ): the exact per-state solution of max_p Σ_a p_a Q_a − λ KL(π_φ‖p)
 * (spec §2.4.1). Stationarity with a multiplier for Σp = 1 gives
 *
 * <pre>p_a = π_φ(a) / (c − Q_a/λ),   c &gt; max_a Q_a/λ the unique root of Σ_a π_φ(a)/(c − Q_a/λ) = 1.</pre>
 *
 * With m = max_a Q_a/λ, g_a = m − Q_a/λ ≥ 0 and t = c − m the root solves
 * f(t) = Σ_a π_φ(a)/(t + g_a) − 1 = 0; f is convex and strictly decreasing on t &gt; 0 and
 * Σ_{a: g_a=0} π_φ(a) ≤ t ≤ 1 bracket the root. Newton's method started at the lower end stays
 * left of the root (convexity) and converges monotonically; a bisection safeguard keeps it in the
 * bracket under rounding, and it stops at machine precision. The adapted logits are
 * θ_a = log p_a = log π_φ(a) − log(t + g_a) (one representative of the class θ + c1). Stateless.
 */
final class RootFindingAlg1
        implements StateSolver
{
    private static final int MAX_ITERATIONS = 200;

    @Override
    public void solve(double[] phi, double[] q, int offset, int actions, double lambda, double[] theta)
    {
        double m = Double.NEGATIVE_INFINITY;
        for (int a = offset; a < offset + actions; a++) {
            m = Math.max(m, q[a] / lambda);
        }
        double logNormaliser = Softmax.logSumExp(phi, offset, actions);
        double lo = 0;
        for (int a = offset; a < offset + actions; a++) {
            if (q[a] / lambda == m) {
                lo += Softmax.probability(phi, 0, a, logNormaliser);
            }
        }
        double hi = 1;
        double t = lo;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
            double f = -1;
            double slope = 0;
            for (int a = offset; a < offset + actions; a++) {
                double pi = Softmax.probability(phi, 0, a, logNormaliser);
                double denominator = t + (m - q[a] / lambda);
                f += pi / denominator;
                slope -= pi / (denominator * denominator);
            }
            if (f > 0) {
                lo = t;
            }
            else if (f < 0) {
                hi = t;
            }
            double step = -f / slope;
            if (f == 0 || Math.abs(step) <= 2 * Math.ulp(t)) {
                converged = true;
            }
            else {
                double next = t + step;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                converged = next <= lo || next >= hi;
                t = converged ? t : next;
            }
        }
        if (!converged) {
            throw new ArithmeticException("state " + offset / actions + ": Alg(1) root-finding did not converge in " + MAX_ITERATIONS
                    + " iterations: c − max Q/λ in [" + lo + ", " + hi + "] (λ = " + lambda + ")");
        }
        for (int a = offset; a < offset + actions; a++) {
            theta[a] = phi[a] - logNormaliser - Math.log(t + (m - q[a] / lambda));
        }
    }
}
