package org.bomrl.numerics.tabular;

/**
 * Per-state derivatives of the softmax map π_θ(a) = exp θ_a / Σ_b exp θ_b (spec §3.6). All methods
 * read the |A| entries of one state starting at {@code offset} of {@code pi} (and {@code q}), write
 * their output from index 0 of {@code out} (|A|×|A| row-major, or |A| entries) and allocate nothing.
 */
public final class SoftmaxDerivatives
{
    private SoftmaxDerivatives() {}

    /** out = F(π) = diag(π) − ππᵀ, the Jacobian ∂π/∂θ of one state (symmetric, F1 = 0). */
    public static void jacobian(double[] pi, int offset, int actions, double[] out)
    {
        fillJacobian(pi, offset, 1, actions, 1, out);
    }

    /**
     * out = sign · F(π) with π = softmax(x_s) of the logits {@code x} from {@code offset}
     * ({@link Softmax#probability}), for code that holds logits and no probability buffer; sign = ±1.
     */
    public static void logitJacobian(double[] x, int offset, int actions, double sign, double[] out)
    {
        double logZ = Softmax.logSumExp(x, offset, actions);
        for (int i = 0; i < actions; i++) {
            out[i * actions + i] = Softmax.probability(x, offset, i, logZ);
        }
        fillJacobian(out, 0, actions + 1, actions, sign, out);
    }

    /**
     * out = sign · (diag(π) − ππᵀ) with π_i = {@code pi[offset + i·stride]}: every off-diagonal entry
     * first, then the diagonal, so π may lie on the diagonal of {@code out} itself (stride |A| + 1).
     */
    private static void fillJacobian(double[] pi, int offset, int stride, int actions, double sign, double[] out)
    {
        for (int i = 0; i < actions; i++) {
            double pii = pi[offset + i * stride];
            for (int j = 0; j < actions; j++) {
                if (j != i) {
                    out[i * actions + j] = -sign * pii * pi[offset + j * stride];
                }
            }
        }
        for (int i = 0; i < actions; i++) {
            double pii = pi[offset + i * stride];
            out[i * actions + i] = sign * (pii - pii * pii);
        }
    }

    /**
     * out = M(π, q) = diag(π⊙u) − π(π⊙u)ᵀ − (π⊙u)πᵀ with u = q − (π·q)1: the Hessian of
     * θ ↦ Σ_a π_θ(a) q_a.
     */
    public static void surrogateHessian(double[] pi, double[] q, int offset, int actions, double[] out)
    {
        double mean = expectation(pi, q, offset, actions);
        for (int i = 0; i < actions; i++) {
            double pa = pi[offset + i];
            double wi = pa * (q[offset + i] - mean);
            for (int j = 0; j < actions; j++) {
                double pj = pi[offset + j];
                double wj = pj * (q[offset + j] - mean);
                out[i * actions + j] = -pa * wj - wi * pj;
            }
            out[i * actions + i] += wi;
        }
    }

    /** out[a] = π_a (q_a − π·q): the gradient of θ ↦ Σ_a π_θ(a) q_a, i.e. F(π)q. */
    public static void surrogateGradient(double[] pi, double[] q, int offset, int actions, double[] out)
    {
        double mean = expectation(pi, q, offset, actions);
        for (int a = 0; a < actions; a++) {
            out[a] = pi[offset + a] * (q[offset + a] - mean);
        }
    }

    /**
     * x ← x − mean(x)·1 on the |A| entries of one state starting at {@code offset}: the orthogonal
     * projection P = I − 11ᵀ/|A| onto 1^⊥ (spec §3.4), in place.
     */
    public static void projectOnesComplement(double[] x, int offset, int actions)
    {
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += x[offset + a];
        }
        double mean = sum / actions;
        for (int a = 0; a < actions; a++) {
            x[offset + a] -= mean;
        }
    }

    /** π·q over one state. */
    private static double expectation(double[] pi, double[] q, int offset, int actions)
    {
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += pi[offset + a] * q[offset + a];
        }
        return sum;
    }
}
