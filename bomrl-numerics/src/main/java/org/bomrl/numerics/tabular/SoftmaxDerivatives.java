package org.bomrl.numerics.tabular;

/**
 * Per-state derivatives of the softmax map (spec §3.6). All methods read the |A| entries of a
 * state starting at {@code offset}, write |A|×|A| row-major outputs into caller-owned arrays and
 * allocate nothing.
 */
public final class SoftmaxDerivatives
{
    private SoftmaxDerivatives() {}

    /** out = F(π) = diag(π) − ππᵀ, the Jacobian ∂π/∂θ of one state. */
    public static void jacobian(double[] pi, int offset, int actions, double[] out)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * out = M(π, q) = diag(π⊙u) − π(π⊙u)ᵀ − (π⊙u)πᵀ with u = q − (π·q)1: the Hessian of
     * θ ↦ Σ_a π_θ(a) q_a.
     */
    public static void surrogateHessian(double[] pi, double[] q, int offset, int actions, double[] out)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** out[a] = π_a (q_a − π·q): the gradient of θ ↦ Σ_a π_θ(a) q_a. */
    public static void surrogateGradient(double[] pi, double[] q, int offset, int actions, double[] out)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
