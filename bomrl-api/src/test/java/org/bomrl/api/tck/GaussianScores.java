package org.bomrl.api.tck;

import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.SplittableRandom;

/**
 * The score-function methods of a diagonal Gaussian policy, written once on top of its outputs for
 * the test fixtures. Per row i and action dimension d, with z = (a − μ)/σ and l = log σ:
 * ℓ_i = Σ_d (−½z² − l_d − ½ log 2π); ∂ℓ_i/∂μ = z/σ, ∂ℓ_i/∂l = z² − 1; ∂²ℓ_i/∂μ² = −1/σ²,
 * ∂²ℓ_i/∂μ∂l = −2z/σ, ∂²ℓ_i/∂l² = −2z². The θ-derivatives follow from
 * {@link GaussianPolicy#outputGradient} and {@link GaussianPolicy#outputHessianVector}.
 */
final class GaussianScores
{
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianScores() {}

    static double logProbability(GaussianPolicy policy, double[] theta, double[] observation, double[] action)
    {
        int actions = policy.actionDimension();
        double[] means = new double[actions];
        double[] logStd = new double[actions];
        policy.outputs(theta, observation, 1, means, logStd);
        return logDensity(means, 0, logStd, action, 0, actions);
    }

    static double sample(GaussianPolicy policy, double[] theta, double[] observation, SplittableRandom random, double[] action)
    {
        int actions = policy.actionDimension();
        double[] means = new double[actions];
        double[] logStd = new double[actions];
        policy.outputs(theta, observation, 1, means, logStd);
        for (int d = 0; d < actions; d++) {
            action[d] = means[d] + Math.exp(logStd[d]) * random.nextGaussian();
        }
        return logDensity(means, 0, logStd, action, 0, actions);
    }

    static void logProbabilities(GaussianPolicy policy, double[] theta, TrajectoryBatch batch, double[] out)
    {
        int n = batch.steps();
        int actions = policy.actionDimension();
        double[] means = new double[n * actions];
        double[] logStd = new double[actions];
        policy.outputs(theta, batch.observations(), n, means, logStd);
        for (int i = 0; i < n; i++) {
            out[i] = logDensity(means, i * actions, logStd, batch.actions(), i * actions, actions);
        }
    }

    static void scoreGradient(GaussianPolicy policy, double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities)
    {
        int n = batch.steps();
        int actions = policy.actionDimension();
        double[] means = new double[n * actions];
        double[] logStd = new double[actions];
        policy.outputs(theta, batch.observations(), n, means, logStd);
        double[] gMeans = new double[n * actions];
        double[] gLogStd = new double[actions];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                double sigma = Math.exp(logStd[d]);
                double z = (batch.actions()[i * actions + d] - means[i * actions + d]) / sigma;
                gMeans[i * actions + d] = weights[i] * z / sigma;
                gLogStd[d] += weights[i] * (z * z - 1);
            }
            if (logProbabilities != null) {
                logProbabilities[i] = logDensity(means, i * actions, logStd, batch.actions(), i * actions, actions);
            }
        }
        policy.outputGradient(theta, batch.observations(), n, gMeans, gLogStd, out);
    }

    static void scoreHessianVector(GaussianPolicy policy, double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out)
    {
        int n = batch.steps();
        int actions = policy.actionDimension();
        double[] means = new double[n * actions];
        double[] logStd = new double[actions];
        double[] rMeans = new double[n * actions];
        double[] rLogStd = new double[actions];
        policy.outputs(theta, batch.observations(), n, means, logStd);
        policy.outputDirectional(theta, batch.observations(), n, v, rMeans, rLogStd);
        double[] gMeans = new double[n * actions];
        double[] gLogStd = new double[actions];
        double[] rgMeans = new double[n * actions];
        double[] rgLogStd = new double[actions];
        for (int i = 0; i < n; i++) {
            double scoreDotR = 0;
            for (int d = 0; d < actions; d++) {
                double sigma = Math.exp(logStd[d]);
                double z = (batch.actions()[i * actions + d] - means[i * actions + d]) / sigma;
                scoreDotR += z / sigma * rMeans[i * actions + d] + (z * z - 1) * rLogStd[d];
            }
            for (int d = 0; d < actions; d++) {
                int row = i * actions + d;
                double sigma = Math.exp(logStd[d]);
                double z = (batch.actions()[row] - means[row]) / sigma;
                gMeans[row] = first[i] * z / sigma;
                gLogStd[d] += first[i] * (z * z - 1);
                rgMeans[row] = second[i] * scoreDotR * z / sigma + first[i] * (-rMeans[row] / (sigma * sigma) - 2 * z / sigma * rLogStd[d]);
                rgLogStd[d] += second[i] * scoreDotR * (z * z - 1) + first[i] * (-2 * z / sigma * rMeans[row] - 2 * z * z * rLogStd[d]);
            }
        }
        policy.outputHessianVector(theta, batch.observations(), n, gMeans, gLogStd, rgMeans, rgLogStd, v, out);
    }

    static void checkParameters(GaussianPolicy policy, double[] theta)
    {
        if (theta.length != policy.parameterCount()) {
            throw new IllegalArgumentException("θ must have " + policy.parameterCount() + " parameters for " + policy.name() + ": " + theta.length);
        }
    }

    private static double logDensity(double[] means, int meanOffset, double[] logStd, double[] action, int actionOffset, int actions)
    {
        double sum = 0;
        for (int d = 0; d < actions; d++) {
            double z = (action[actionOffset + d] - means[meanOffset + d]) * Math.exp(-logStd[d]);
            sum += -0.5 * z * z - logStd[d] - HALF_LOG_TWO_PI;
        }
        return sum;
    }
}
