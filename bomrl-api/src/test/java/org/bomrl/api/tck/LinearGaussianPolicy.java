package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A test fixture: the linear Gaussian policy π_θ(a|s) = N(W s + b, diag σ²) with a state-independent
 * log σ (spec §5b without hidden layers). Parameter layout (fixed project-wide):
 * θ = [W (dAct×dObs, row-major: W_{d,j} at d·dObs + j), b (dAct), log σ (dAct)]. μ is linear in θ,
 * so the second-order term of {@link #outputHessianVector} is zero. Immutable and thread-safe;
 * allocates per call (it is a fixture, not a kernel).
 */
public final class LinearGaussianPolicy
        implements GaussianPolicy
{
    /** The initial log σ, as spec §5b. */
    public static final double INITIAL_LOG_STD = -0.7;
    /** The initial weights are this times standard normals, biases 0 (spec §5b's mean layer). */
    public static final double INITIAL_WEIGHT_SCALE = 0.1;

    private final int observations;
    private final int actions;

    public LinearGaussianPolicy(int observationDimension, int actionDimension)
    {
        if (observationDimension < 1 || actionDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive: observation " + observationDimension + ", action " + actionDimension);
        }
        this.observations = observationDimension;
        this.actions = actionDimension;
    }

    /** Index of W_{d,j} in θ. */
    public int weightIndex(int action, int observation)
    {
        return action * observations + observation;
    }

    /** Index of b_0 in θ. */
    public int biasOffset()
    {
        return actions * observations;
    }

    /** Index of log σ_0 in θ. */
    public int logStdOffset()
    {
        return actions * observations + actions;
    }

    @Override
    public String name()
    {
        return "linear-gaussian(" + observations + "→" + actions + ")";
    }

    @Override
    public int parameterCount()
    {
        return actions * observations + 2 * actions;
    }

    @Override
    public int observationDimension()
    {
        return observations;
    }

    @Override
    public int actionDimension()
    {
        return actions;
    }

    @Override
    public double[] initialParameters(RandomSource random)
    {
        SplittableRandom generator = random.generator();
        double[] theta = new double[parameterCount()];
        for (int i = 0; i < biasOffset(); i++) {
            theta[i] = INITIAL_WEIGHT_SCALE * generator.nextGaussian();
        }
        for (int d = 0; d < actions; d++) {
            theta[logStdOffset() + d] = INITIAL_LOG_STD;
        }
        return theta;
    }

    @Override
    public double sample(double[] theta, double[] observation, SplittableRandom random, double[] action)
    {
        return GaussianScores.sample(this, theta, observation, random, action);
    }

    @Override
    public double logProbability(double[] theta, double[] observation, double[] action)
    {
        return GaussianScores.logProbability(this, theta, observation, action);
    }

    @Override
    public void logProbabilities(double[] theta, TrajectoryBatch batch, double[] out)
    {
        GaussianScores.logProbabilities(this, theta, batch, out);
    }

    @Override
    public void scoreGradient(double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities)
    {
        GaussianScores.scoreGradient(this, theta, batch, weights, out, logProbabilities);
    }

    @Override
    public void scoreHessianVector(double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out)
    {
        GaussianScores.scoreHessianVector(this, theta, batch, first, second, v, out);
    }

    /** μ_d(s_i) = Σ_j W_{d,j} s_{i,j} + b_d; log σ copied from θ. */
    @Override
    public void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd)
    {
        GaussianScores.checkParameters(this, theta);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                double mean = theta[biasOffset() + d];
                for (int j = 0; j < this.observations; j++) {
                    mean += theta[weightIndex(d, j)] * observations[i * this.observations + j];
                }
                means[i * actions + d] = mean;
            }
        }
        System.arraycopy(theta, logStdOffset(), logStd, 0, actions);
    }

    /** ∂/∂W_{d,j} = Σ_i g_{i,d} s_{i,j}, ∂/∂b_d = Σ_i g_{i,d}, ∂/∂log σ_d = gLogStd_d. */
    @Override
    public void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out)
    {
        GaussianScores.checkParameters(this, theta);
        Arrays.fill(out, 0, parameterCount(), 0);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                double g = gMeans[i * actions + d];
                for (int j = 0; j < this.observations; j++) {
                    out[weightIndex(d, j)] += g * observations[i * this.observations + j];
                }
                out[biasOffset() + d] += g;
            }
        }
        System.arraycopy(gLogStd, 0, out, logStdOffset(), actions);
    }

    /** rMeans_{i,d} = Σ_j v_{W,d,j} s_{i,j} + v_{b,d}, rLogStd = v_{log σ}: μ of the direction. */
    @Override
    public void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd)
    {
        GaussianScores.checkParameters(this, theta);
        outputs(v, observations, n, rMeans, rLogStd);
    }

    /** ∇²μ = 0, so this is {@link #outputGradient} of (rgMeans, rgLogStd). */
    @Override
    public void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
            double[] v, double[] out)
    {
        GaussianScores.checkParameters(this, v);
        outputGradient(theta, observations, n, rgMeans, rgLogStd, out);
    }

    @Override
    public String toString()
    {
        return name();
    }
}
