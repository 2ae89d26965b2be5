package org.bomrl.metrics.distance;

import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;

import static java.util.Objects.requireNonNull;

/**
 * The Gaussian view of Alg(3) (spec §2.3, §2.5 index 3): D(θ, φ) = Σ_j (θ_j − φ_j)² over all
 * parameters; the states do not enter. ∇_θ D = 2(θ − φ), ∇²_θθ D v = 2v, ∇²_φθ D x = −2x (spec §3.5:
 * the iMAML case). Stateless and thread-safe; allocates nothing.
 */
final class GaussianSquaredEuclidean
        implements GaussianDistance
{
    @Override
    public double value(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n)
    {
        check(policy, theta, phi);
        double sum = 0;
        for (int j = 0; j < theta.length; j++) {
            double difference = theta[j] - phi[j];
            sum += difference * difference;
        }
        return sum;
    }

    @Override
    public void gradientTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] out)
    {
        check(policy, theta, phi);
        for (int j = 0; j < theta.length; j++) {
            out[j] = 2 * (theta[j] - phi[j]);
        }
    }

    @Override
    public void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out)
    {
        check(policy, theta, phi);
        for (int j = 0; j < theta.length; j++) {
            out[j] = 2 * v[j];
        }
    }

    @Override
    public void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out)
    {
        check(policy, theta, phi);
        for (int j = 0; j < theta.length; j++) {
            out[j] = -2 * x[j];
        }
    }

    private static void check(GaussianPolicy policy, double[] theta, double[] phi)
    {
        requireNonNull(policy, "policy is null");
        int parameters = policy.parameterCount();
        if (theta.length != parameters || phi.length != parameters) {
            throw new IllegalArgumentException("θ and φ must have the policy's " + parameters + " parameters: " + theta.length + " and " + phi.length);
        }
    }

    @Override
    public String toString()
    {
        return SquaredEuclidean.NAME + " (Gaussian)";
    }
}
