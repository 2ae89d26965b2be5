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
 * Alg(1)'s distance (spec §2.3, §2.4.1): per state d(θ_s, φ_s) = KL(π_φ(·|s) ‖ π_θ(·|s))
 * = Σ_a π_φ(a) (log π_φ(a) − log π_θ(a)), the old‖new direction of TRPO and PPO. With
 * p = π_φ(·|s), π = π_θ(·|s), r = log p − log π and F(π) = diag(π) − ππᵀ (spec §3.6):
 * <ul>
 *   <li>∇_θ d = π − p;</li>
 *   <li>∇_φ d = F(p) r = p ⊙ (r − d);</li>
 *   <li>∇²_θθ d = F(π);</li>
 *   <li>∇²_θφ d = −F(p).</li>
 * </ul>
 * Log-probabilities are taken from log-softmax (x_a − log Σ_b exp x_b), so no log of an
 * underflowed probability is formed. The value is clamped at 0 against rounding. Depends on the
 * logits only through the probabilities: {@link #shiftInvariant()} is true. Stateless and
 * thread-safe; allocates nothing. The Gaussian view (spec §2.5) is {@link GaussianKlDistance#priorAdapted()}.
 */
final class KlPriorAdapted
        implements PolicyDistance, TabularDistance
{
    static final String NAME = "distance.kl-prior-adapted";

    private final GaussianDistance gaussian = GaussianKlDistance.priorAdapted();

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
        return Math.max(0, kl(phi, theta, offset, actions, logSumExp(phi, offset, actions), logSumExp(theta, offset, actions)));
    }

    @Override
    public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        for (int a = 0; a < actions; a++) {
            out[a] = probability(theta, offset, a, logZTheta) - probability(phi, offset, a, logZPhi);
        }
    }

    @Override
    public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double d = kl(phi, theta, offset, actions, logZPhi, logZTheta);
        for (int a = 0; a < actions; a++) {
            out[a] = probability(phi, offset, a, logZPhi) * (logRatio(phi, theta, offset, a, logZPhi, logZTheta) - d);
        }
    }

    @Override
    public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        logitJacobian(theta, offset, actions, 1, out);
    }

    @Override
    public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        logitJacobian(phi, offset, actions, -1, out);
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
}
