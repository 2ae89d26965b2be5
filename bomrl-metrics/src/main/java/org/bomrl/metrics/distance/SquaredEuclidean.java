package org.bomrl.metrics.distance;

import io.vavr.control.Option;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.TabularDistance;

/**
 * Alg(3)'s distance (spec §2.3, §2.4.3) in <em>logit</em> (parameter) space: per state
 * d(θ_s, φ_s) = ‖θ_s − φ_s‖², the tabular counterpart of the authors' neural ‖θ − φ‖² over all
 * parameters (spec §2.5, index 3). ∇_θ d = 2(θ_s − φ_s), ∇_φ d = −2(θ_s − φ_s), ∇²_θθ d = 2I,
 * ∇²_θφ d = −2I.
 *
 * <p>Why logit space: d is smooth and strictly convex in θ with Hessian 2I everywhere, so the
 * lower level −S + λD has a positive-definite Hessian for λ large enough (spec §3.4) and the
 * implicit-function Jacobian ∂θ*∂φ exists on all of R^{|A|}, without restricting to 1^⊥ as the
 * KL distances require. The probability-space variant ‖π_θ − π_φ‖² (offered as
 * {@code distance.squared-euclidean-probabilities}) makes Alg(3) a Euclidean projection onto the
 * simplex, Proj_Δ(π_φ + Q/(2λ)) (spec §2.4.3), which is not differentiable where the simplex
 * constraint is active (an action's probability projected to 0), so its hypergradient is not
 * defined there. Not shift-invariant: adding c1 to θ_s changes d by 2c·1ᵀ(θ_s − φ_s) + |A|c².
 * Stateless and thread-safe; allocates nothing. The Gaussian view (spec §2.5, index 3) is
 * {@link GaussianSquaredEuclidean}, ‖θ − φ‖² over all parameters.
 */
final class SquaredEuclidean
        implements PolicyDistance, TabularDistance
{
    static final String NAME = "distance.squared-euclidean";

    private final GaussianDistance gaussian = new GaussianSquaredEuclidean();

    @Override
    public Option<TabularDistance> tabular()
    {
        return Option.some(this);
    }

    /** The Gaussian-policy view (spec §2.5), {@link GaussianSquaredEuclidean}. */
    @Override
    public Option<GaussianDistance> gaussian()
    {
        return Option.some(gaussian);
    }

    @Override
    public double value(double[] theta, double[] phi, int offset, int actions)
    {
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            double difference = theta[offset + a] - phi[offset + a];
            sum += difference * difference;
        }
        return sum;
    }

    @Override
    public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        for (int a = 0; a < actions; a++) {
            out[a] = 2 * (theta[offset + a] - phi[offset + a]);
        }
    }

    @Override
    public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        for (int a = 0; a < actions; a++) {
            out[a] = -2 * (theta[offset + a] - phi[offset + a]);
        }
    }

    @Override
    public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        scaledIdentity(2, actions, out);
    }

    @Override
    public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
    {
        scaledIdentity(-2, actions, out);
    }

    @Override
    public boolean shiftInvariant()
    {
        return false;
    }

    private static void scaledIdentity(double scale, int actions, double[] out)
    {
        for (int i = 0; i < actions; i++) {
            for (int j = 0; j < actions; j++) {
                out[i * actions + j] = i == j ? scale : 0;
            }
        }
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
