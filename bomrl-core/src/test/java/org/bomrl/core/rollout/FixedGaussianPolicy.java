package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.PolicyClass;

import java.util.SplittableRandom;

/** A one-dimensional test policy a ∼ N(θ₀ x + θ₁, σ²), sampled with {@code nextGaussian}. */
record FixedGaussianPolicy(double sigma)
        implements PolicyClass
{
    @Override
    public String name()
    {
        return "fixed-gaussian";
    }

    @Override
    public int parameterCount()
    {
        return 2;
    }

    @Override
    public int observationDimension()
    {
        return 1;
    }

    @Override
    public int actionDimension()
    {
        return 1;
    }

    @Override
    public double[] initialParameters(RandomSource random)
    {
        return new double[2];
    }

    @Override
    public double sample(double[] theta, double[] observation, SplittableRandom random, double[] action)
    {
        action[0] = theta[0] * observation[0] + theta[1] + sigma * random.nextGaussian();
        return logProbability(theta, observation, action);
    }

    @Override
    public double logProbability(double[] theta, double[] observation, double[] action)
    {
        double z = (action[0] - theta[0] * observation[0] - theta[1]) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }
}
