package org.bomrl.metrics.distance;

import io.vavr.control.Option;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.TabularDistance;

import static org.bomrl.numerics.tabular.Softmax.kl;
import static org.bomrl.numerics.tabular.Softmax.logRatio;
import static org.bomrl.numerics.tabular.Softmax.logSumExp;
import static org.bomrl.numerics.tabular.Softmax.probability;
import static org.bomrl.numerics.tabular.SoftmaxDerivatives.logitJacobian;

/**
 * Alg(2)'s distance (spec §2.3, §2.4.2): per state d(θ_s, φ_s) = KL(π_θ(·|s) ‖ π_φ(·|s))
 * = Σ_a π_θ(a) (log π_θ(a) − log π_φ(a)), the new‖old (mirror-descent, NPG) direction. With
 * π = π_θ(·|s), p = π_φ(·|s), c = log π − log p (which equals θ_s − φ_s up to a multiple of 1),
 * u = c − (π·c)1 = c − d·1 and F(π) = diag(π) − ππᵀ (spec §3.6):
 * <ul>
 *   <li>∇_θ d = F(π) c = π ⊙ (c − d) (= F(π)(θ_s − φ_s) since F1 = 0): differentiating
 *       Σ_a π_a c_a gives F(π)c plus Σ_a π_a ∂c_a/∂θ = Σ_a π_a(e_a − π) = 0;</li>
 *   <li>∇_φ d = p − π;</li>
 *   <li>∇²_θθ d = F(π) + M(π, c), M(π, c) = diag(π⊙u) − π(π⊙u)ᵀ − (π⊙u)πᵀ, i.e. entry (i,j)
 *       δ_ij π_i (1 + u_i) − π_i π_j (1 + u_i + u_j): the M term from differentiating F(π) at
 *       fixed c, the F term from F(π) ∂c/∂θ = F(π)(I − 1πᵀ) = F(π);</li>
 *   <li>∇²_θφ d = F(π) ∂c/∂φ = F(π)(−I + 1pᵀ) = −F(π).</li>
 * </ul>
 * Log-probabilities are taken from log-softmax, so no log of an underflowed probability is
 * formed. The value is clamped at 0 against rounding. {@link #shiftInvariant()} is true.
 * Stateless and thread-safe; allocates nothing. The Gaussian view (spec §2.5) is
 * {@link GaussianKlDistance#adaptedPrior()}.
 */
final class KlAdaptedPrior
        implements PolicyDistance, TabularDistance
{
    static final String NAME = "distance.kl-adapted-prior";

    private final GaussianDistance gaussian = GaussianKlDistance.adaptedPrior();

    @Override
    public Option<TabularDistance> tabular()
    {
        return Option.some(this);
    }

    /** The Gaussian-policy view (spec §2.5), {@link GaussianKlDistance}. */
    @Override
    public Option<GaussianDistance> gaussian()
    {
        return Option.some(gaussian);
    }

    @Override
    public double value(double[] theta, double[] phi, int offset, int actions)
    {
        return Math.max(0, kl(theta, phi, offset, actions, logSumExp(theta, offset, actions), logSumExp(phi, offset, actions)));
    }

    @Override
    public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double d = kl(theta, phi, offset, actions, logZTheta, logZPhi);
        for (int a = 0; a < actions; a++) {
            out[a] = probability(theta, offset, a, logZTheta) * (logRatio(theta, phi, offset, a, logZTheta, logZPhi) - d);
        }
    }

    @Override
    public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        for (int a = 0; a < actions; a++) {
            out[a] = probability(phi, offset, a, logZPhi) - probability(theta, offset, a, logZTheta);
        }
    }

    @Override
    public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double d = kl(theta, phi, offset, actions, logZTheta, logZPhi);
        for (int i = 0; i < actions; i++) {
            double pi = probability(theta, offset, i, logZTheta);
            double ui = logRatio(theta, phi, offset, i, logZTheta, logZPhi) - d;
            for (int j = 0; j < actions; j++) {
                double pj = probability(theta, offset, j, logZTheta);
                double uj = logRatio(theta, phi, offset, j, logZTheta, logZPhi) - d;
                out[i * actions + j] = delta(i, j) * pi * (1 + ui) - pi * pj * (1 + ui + uj);
            }
        }
    }

    @Override
    public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        logitJacobian(theta, offset, actions, -1, out);
    }

    @Override
    public boolean shiftInvariant()
    {
        return true;
    }

    @Override
    public String toString()
    {
        return NAME;
    }

    /** The Kronecker delta δ_ij. */
    private static double delta(int i, int j)
    {
        return i == j ? 1 : 0;
    }
}
