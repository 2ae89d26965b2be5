package org.bomrl.core.adapt;

/**
 * Solves the per-state lower-level problem of the penalised Alg (spec §2.1, §2.4): since ν(s)
 * multiplies both terms, the problem separates over states and each state's solution is
 *
 * <pre>θ*_s = argmax_θ Σ_a π_θ(a) Q(s,a) − λ d(θ, φ_s),</pre>
 *
 * defined (as in the paper's code) for every state, also where ν(s) = 0. Implementations may hold
 * work buffers: not thread-safe, one instance per thread.
 */
interface StateSolver
{
    /**
     * Writes θ*_s into {@code theta[offset … offset+|A|)}, reading φ_s and Q(s,·) at the same offset.
     *
     * @throws ArithmeticException naming the state when the solver fails
     */
    void solve(double[] phi, double[] q, int offset, int actions, double lambda, double[] theta);

    /**
     * θ* for all states, as a new |S|·|A| array.
     *
     * @throws ArithmeticException naming the state when a solver fails or a logit is not finite
     */
    default double[] solveAll(double[] phi, double[] q, int states, int actions, double lambda)
    {
        double[] theta = new double[states * actions];
        for (int s = 0; s < states; s++) {
            solve(phi, q, s * actions, actions, lambda, theta);
            for (int a = 0; a < actions; a++) {
                double logit = theta[s * actions + a];
                if (!Double.isFinite(logit)) {
                    throw new ArithmeticException("state " + s + ": adapted logit θ[a=" + a + "] is not finite: " + logit + " (λ = " + lambda + ")");
                }
            }
        }
        return theta;
    }
}
