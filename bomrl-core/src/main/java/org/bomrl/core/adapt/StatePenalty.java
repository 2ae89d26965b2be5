package org.bomrl.core.adapt;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.numerics.tabular.Softmax;
import org.bomrl.numerics.tabular.SoftmaxDerivatives;

import static java.util.Objects.requireNonNull;

/**
 * One state's lower-level objective, as a minimisation (spec §3.2, §3.6):
 *
 * <pre>f_s(θ_s) = −Σ_a π_θ(a|s) Q(s,a) + λ d(θ_s, φ_s)
 * ∇f_s     = −π⊙(Q_s − π·Q_s) + λ ∇_θ d
 * ∇²_θθ f_s = −M(π, Q_s) + λ ∇²_θθ d,   ∇²_θφ f_s = λ ∇²_θφ d</pre>
 *
 * with M the softmax-surrogate Hessian of {@link SoftmaxDerivatives#surrogateHessian}. θ, φ and Q
 * are full |S|·|A| arrays read at {@code offset}; outputs go to caller arrays from index 0
 * (|A| entries, or |A|×|A| row-major). Holds work buffers: not thread-safe.
 */
final class StatePenalty
{
    private final TabularDistance distance;
    private final int actions;
    private final double[] pi;
    private final double[] qs;
    private final double[] work;

    StatePenalty(TabularDistance distance, int actions)
    {
        this.distance = requireNonNull(distance, "distance is null");
        this.actions = actions;
        this.pi = new double[actions];
        this.qs = new double[actions];
        this.work = new double[actions * actions];
    }

    TabularDistance distance()
    {
        return distance;
    }

    /** f_s(θ_s). */
    double value(double[] theta, double[] phi, double[] q, int offset, double lambda)
    {
        Softmax.probabilities(theta, offset, actions, pi);
        double surrogate = 0;
        for (int a = 0; a < actions; a++) {
            surrogate += pi[a] * q[offset + a];
        }
        return -surrogate + lambda * distance.value(theta, phi, offset, actions);
    }

    /** out = ∇_θ f_s. */
    void gradient(double[] theta, double[] phi, double[] q, int offset, double lambda, double[] out)
    {
        load(theta, q, offset);
        distance.gradientTheta(theta, phi, offset, actions, out);
        SoftmaxDerivatives.surrogateGradient(pi, qs, 0, actions, work);
        for (int a = 0; a < actions; a++) {
            out[a] = lambda * out[a] - work[a];
        }
    }

    /** out = ∇²_θθ f_s (symmetric |A|×|A|). */
    void hessian(double[] theta, double[] phi, double[] q, int offset, double lambda, double[] out)
    {
        load(theta, q, offset);
        distance.hessianThetaTheta(theta, phi, offset, actions, out);
        SoftmaxDerivatives.surrogateHessian(pi, qs, 0, actions, work);
        for (int i = 0; i < actions * actions; i++) {
            out[i] = lambda * out[i] - work[i];
        }
    }

    /** out[i·|A| + j] = ∂²f_s/∂θ_i∂φ_j = λ ∂²d/∂θ_i∂φ_j. */
    void cross(double[] theta, double[] phi, int offset, double lambda, double[] out)
    {
        distance.hessianThetaPhi(theta, phi, offset, actions, out);
        for (int i = 0; i < actions * actions; i++) {
            out[i] *= lambda;
        }
    }

    private void load(double[] theta, double[] q, int offset)
    {
        Softmax.probabilities(theta, offset, actions, pi);
        System.arraycopy(q, offset, qs, 0, actions);
    }
}
