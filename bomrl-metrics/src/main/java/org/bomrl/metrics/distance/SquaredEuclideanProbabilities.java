package org.bomrl.metrics.distance;

import io.vavr.control.Option;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.TabularDistance;

import static org.bomrl.numerics.tabular.Softmax.logSumExp;
import static org.bomrl.numerics.tabular.Softmax.probability;

/**
 * The probability-space variant of Alg(3)'s distance (spec §2.4.3): per state
 * d(θ_s, φ_s) = ‖π_θ(·|s) − π_φ(·|s)‖². With π = π_θ(·|s), p = π_φ(·|s), e = π − p,
 * u = e − (π·e)1 and F(x) = diag(x) − xxᵀ (spec §3.6):
 * <ul>
 *   <li>∇_θ d = 2F(π)e = 2π ⊙ (e − π·e);</li>
 *   <li>∇_φ d = −2F(p)e = −2p ⊙ (e − p·e);</li>
 *   <li>∇²_θθ d = 2(M(π, e) + F(π)²) with M(π, e) = diag(π⊙u) − π(π⊙u)ᵀ − (π⊙u)πᵀ (entry
 *       δ_ij π_i u_i − π_i π_j (u_i + u_j)) and F(π)² entry δ_ij π_i² − π_i π_j (π_i + π_j − π·π);</li>
 *   <li>∇²_θφ d = −2F(π)F(p), entry −2(δ_ij π_i p_i − π_i p_j (p_i + π_j − π·p)).</li>
 * </ul>
 * As a function of the logits the Hessian is singular along 1 ({@link #shiftInvariant()} is true),
 * and the Alg(3) solution it induces is a simplex projection that is not differentiable where the
 * constraint is active; see {@link SquaredEuclidean} for the logit-space distance. Stateless and
 * thread-safe; allocates nothing.
 */
final class SquaredEuclideanProbabilities
        implements PolicyDistance, TabularDistance
{
    static final String NAME = "distance.squared-euclidean-probabilities";

    @Override
    public Option<TabularDistance> tabular()
    {
        return Option.some(this);
    }

    @Override
    public double value(double[] theta, double[] phi, int offset, int actions)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            double e = probability(theta, offset, a, logZTheta) - probability(phi, offset, a, logZPhi);
            sum += e * e;
        }
        return sum;
    }

    @Override
    public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        gradient(theta, phi, offset, actions, true, out);
    }

    @Override
    public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        gradient(theta, phi, offset, actions, false, out);
    }

    @Override
    public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double piDotE = 0;
        double piDotPi = 0;
        for (int a = 0; a < actions; a++) {
            double pi = probability(theta, offset, a, logZTheta);
            piDotE += pi * (pi - probability(phi, offset, a, logZPhi));
            piDotPi += pi * pi;
        }
        for (int i = 0; i < actions; i++) {
            double pi = probability(theta, offset, i, logZTheta);
            double ui = pi - probability(phi, offset, i, logZPhi) - piDotE;
            for (int j = 0; j < actions; j++) {
                double pj = probability(theta, offset, j, logZTheta);
                double uj = pj - probability(phi, offset, j, logZPhi) - piDotE;
                double m = delta(i, j) * pi * ui - pi * pj * (ui + uj);
                double fSquared = delta(i, j) * pi * pi - pi * pj * (pi + pj - piDotPi);
                out[i * actions + j] = 2 * (m + fSquared);
            }
        }
    }

    @Override
    public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double piDotP = 0;
        for (int a = 0; a < actions; a++) {
            piDotP += probability(theta, offset, a, logZTheta) * probability(phi, offset, a, logZPhi);
        }
        for (int i = 0; i < actions; i++) {
            double pii = probability(theta, offset, i, logZTheta);
            double pi = probability(phi, offset, i, logZPhi);
            for (int j = 0; j < actions; j++) {
                double pij = probability(theta, offset, j, logZTheta);
                double pj = probability(phi, offset, j, logZPhi);
                out[i * actions + j] = -2 * (delta(i, j) * pii * pi - pii * pj * (pi + pij - piDotP));
            }
        }
    }

    @Override
    public boolean shiftInvariant()
    {
        return true;
    }

    /** out = 2F(π)e (with respect to θ) or −2F(p)e (with respect to φ), e = π − p. */
    private static void gradient(double[] theta, double[] phi, int offset, int actions, boolean withRespectToTheta, double[] out)
    {
        double logZTheta = logSumExp(theta, offset, actions);
        double logZPhi = logSumExp(phi, offset, actions);
        double[] x = withRespectToTheta ? theta : phi;
        double logZ = withRespectToTheta ? logZTheta : logZPhi;
        double scale = withRespectToTheta ? 2 : -2;
        double xDotE = 0;
        for (int a = 0; a < actions; a++) {
            double e = probability(theta, offset, a, logZTheta) - probability(phi, offset, a, logZPhi);
            xDotE += probability(x, offset, a, logZ) * e;
        }
        for (int a = 0; a < actions; a++) {
            double e = probability(theta, offset, a, logZTheta) - probability(phi, offset, a, logZPhi);
            out[a] = scale * probability(x, offset, a, logZ) * (e - xDotE);
        }
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
