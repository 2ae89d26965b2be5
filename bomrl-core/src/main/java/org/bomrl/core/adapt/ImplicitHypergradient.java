package org.bomrl.core.adapt;

import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.numerics.tabular.OnesComplementSolver;
import org.bomrl.numerics.tabular.Softmax;

import static java.util.Objects.requireNonNull;

/**
 * The implicit hypergradient of the penalised lower level with the data (Q, ν) held fixed
 * (spec §3.2 (*), §3.6, §6 item 6). Per state, at the adapted θ*_s,
 *
 * <pre>H_s = −M(π*, Q_s) + λ ∇²_θθ d,   C_s = λ ∇²_θφ d,   h_s = −C_sᵀ H_s⁺ g_s,</pre>
 *
 * the implicit function theorem applied to ∇_θ f_s(θ*_s, φ_s) = 0 (ν(s) multiplies H_s and C_s
 * alike and cancels, so the per-state solution and its Jacobian are defined also where
 * ν(s) = 0). For shift-invariant distances H_s is singular along 1 and H_s⁺g_s is the
 * pseudo-inverse solution on 1^⊥ (spec §3.4), never a raw inverse; for Alg(2) this gives exactly
 * h = (I − 11ᵀ/|A|) g per state. Systems whose condition number (on 1^⊥) exceeds
 * {@link OnesComplementSolver#DEFAULT_CONDITION_LIMIT} throw {@link ArithmeticException} naming
 * the state and the condition number. Thread-safe: work buffers are allocated per call.
 */
final class ImplicitHypergradient
{
    private final TabularDistance distance;

    ImplicitHypergradient(TabularDistance distance)
    {
        this.distance = requireNonNull(distance, "distance is null");
    }

    /**
     * h = (∂θ*∕∂φ)ᵀ g as a new |S|·|A| array.
     *
     * @param lambda the regulariser the lower level was solved with (kλ for the as-coded solver)
     * @throws ArithmeticException naming the state when H_s is singular or ill-conditioned
     */
    double[] compute(double[] phi, double[] theta, double[] q, int states, int actions, double lambda, double[] g)
    {
        double[] h = new double[states * actions];
        solve(phi, theta, q, states, actions, lambda, g, h, null);
        return h;
    }

    /**
     * Both parts of the exact vector-Jacobian product (spec §3.6): h = (∂θ*∕∂φ)ᵀ g as above and
     * q̄ = (∂θ*∕∂Q)ᵀ g. Since ∂(∇_θ f_s)∕∂Q_s = −F(π*_s) with F = diag(π) − ππᵀ symmetric,
     * ∂θ*_s∕∂Q_s = H_s⁺ F(π*_s) and q̄_s = F(π*_s) H_s⁺ g_s, from the same solve as h_s.
     *
     * @param lambda the regulariser the lower level was solved with
     * @throws ArithmeticException naming the state when H_s is singular or ill-conditioned
     */
    ExactHypergradient exact(double[] phi, double[] theta, double[] q, int states, int actions, double lambda, double[] g)
    {
        double[] h = new double[states * actions];
        double[] qBar = new double[states * actions];
        solve(phi, theta, q, states, actions, lambda, g, h, qBar);
        return new ExactHypergradient(h, qBar);
    }

    /** Writes h and, when {@code qBar} is not null, q̄. */
    private void solve(double[] phi, double[] theta, double[] q, int states, int actions, double lambda, double[] g, double[] h, double[] qBar)
    {
        StatePenalty penalty = new StatePenalty(distance, actions);
        OnesComplementSolver solver = new OnesComplementSolver(actions);
        double[] hessian = new double[actions * actions];
        double[] cross = new double[actions * actions];
        double[] x = new double[actions];
        double[] pi = new double[actions];
        for (int s = 0; s < states; s++) {
            int offset = s * actions;
            penalty.hessian(theta, phi, q, offset, lambda, hessian);
            penalty.cross(theta, phi, offset, lambda, cross);
            try {
                if (distance.shiftInvariant()) {
                    solver.solveOnOnesComplement(hessian, g, offset, x, 0);
                }
                else {
                    solver.solve(hessian, g, offset, x, 0);
                }
            }
            catch (ArithmeticException e) {
                throw new ArithmeticException("state " + s + " (λ = " + lambda + "): lower-level Hessian H_s = −M(π, Q_s) + λ∇²d: " + e.getMessage());
            }
            for (int j = 0; j < actions; j++) {
                double sum = 0;
                for (int i = 0; i < actions; i++) {
                    sum += cross[i * actions + j] * x[i];
                }
                h[offset + j] = -sum;
            }
            if (qBar != null) {
                Softmax.probabilities(theta, offset, actions, pi);
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += pi[a] * x[a];
                }
                for (int a = 0; a < actions; a++) {
                    qBar[offset + a] = pi[a] * (x[a] - mean);
                }
            }
        }
    }
}
