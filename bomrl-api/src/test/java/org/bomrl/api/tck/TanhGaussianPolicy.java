package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A test fixture with a non-zero second-order output term: the one-hidden-layer Gaussian policy
 * μ_θ(s) = W₂ tanh(W₁ s + b₁) + b₂, state-independent log σ (spec §5b with one tanh layer).
 * Parameter layout: θ = [W₁ (h×dObs, row-major), b₁ (h), W₂ (dAct×h, row-major), b₂ (dAct), log σ (dAct)].
 * With z = W₁ s + b₁, u = tanh z and u' = 1 − u², backpropagation of g = ∂c/∂μ is
 * ∂/∂W₂ = g uᵀ, ∂/∂b₂ = g, ĝ = (W₂ᵀ g) ⊙ u', ∂/∂W₁ = ĝ sᵀ, ∂/∂b₁ = ĝ; {@link #outputHessianVector}
 * is its R-operator (R{z} = V₁ s + v_{b₁}, R{u} = u' R{z}, R{u'} = −2u R{u}, R{g} = rg). Immutable
 * and thread-safe; allocates per call (it is a fixture, not a kernel).
 */
public final class TanhGaussianPolicy
        implements GaussianPolicy
{
    private final int observations;
    private final int hidden;
    private final int actions;

    public TanhGaussianPolicy(int observationDimension, int hiddenUnits, int actionDimension)
    {
        if (observationDimension < 1 || hiddenUnits < 1 || actionDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive: observation " + observationDimension + ", hidden " + hiddenUnits + ", action "
                    + actionDimension);
        }
        this.observations = observationDimension;
        this.hidden = hiddenUnits;
        this.actions = actionDimension;
    }

    /** Index of (W₁)_{k,j}. */
    public int inputWeightIndex(int unit, int observation)
    {
        return unit * observations + observation;
    }

    /** Index of (b₁)_0. */
    public int hiddenBiasOffset()
    {
        return hidden * observations;
    }

    /** Index of (W₂)_{d,k}. */
    public int outputWeightIndex(int action, int unit)
    {
        return hidden * observations + hidden + action * hidden + unit;
    }

    /** Index of (b₂)_0. */
    public int outputBiasOffset()
    {
        return hidden * observations + hidden + actions * hidden;
    }

    /** Index of log σ_0. */
    public int logStdOffset()
    {
        return outputBiasOffset() + actions;
    }

    @Override
    public String name()
    {
        return "tanh-gaussian(" + observations + "→" + hidden + "→" + actions + ")";
    }

    @Override
    public int parameterCount()
    {
        return logStdOffset() + actions;
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

    /** W₁ standard normal / √dObs, b₁ = 0, W₂ = 0.1 · standard normal / √h, b₂ = 0, log σ = −0.7 (spec §5b). */
    @Override
    public double[] initialParameters(RandomSource random)
    {
        SplittableRandom generator = random.generator();
        double[] theta = new double[parameterCount()];
        for (int i = 0; i < hiddenBiasOffset(); i++) {
            theta[i] = generator.nextGaussian() / Math.sqrt(observations);
        }
        for (int i = outputWeightIndex(0, 0); i < outputBiasOffset(); i++) {
            theta[i] = LinearGaussianPolicy.INITIAL_WEIGHT_SCALE * generator.nextGaussian() / Math.sqrt(hidden);
        }
        Arrays.fill(theta, logStdOffset(), parameterCount(), LinearGaussianPolicy.INITIAL_LOG_STD);
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

    @Override
    public void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd)
    {
        GaussianScores.checkParameters(this, theta);
        double[] u = new double[hidden];
        for (int i = 0; i < n; i++) {
            hiddenLayer(theta, observations, i, u);
            for (int d = 0; d < actions; d++) {
                means[i * actions + d] = affine(theta, d, u);
            }
        }
        System.arraycopy(theta, logStdOffset(), logStd, 0, actions);
    }

    @Override
    public void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out)
    {
        GaussianScores.checkParameters(this, theta);
        Arrays.fill(out, 0, parameterCount(), 0);
        double[] u = new double[hidden];
        for (int i = 0; i < n; i++) {
            hiddenLayer(theta, observations, i, u);
            for (int k = 0; k < hidden; k++) {
                double gu = 0;
                for (int d = 0; d < actions; d++) {
                    double g = gMeans[i * actions + d];
                    out[outputWeightIndex(d, k)] += g * u[k];
                    gu += theta[outputWeightIndex(d, k)] * g;
                }
                double gz = gu * (1 - u[k] * u[k]);
                for (int j = 0; j < this.observations; j++) {
                    out[inputWeightIndex(k, j)] += gz * observations[i * this.observations + j];
                }
                out[hiddenBiasOffset() + k] += gz;
            }
            for (int d = 0; d < actions; d++) {
                out[outputBiasOffset() + d] += gMeans[i * actions + d];
            }
        }
        System.arraycopy(gLogStd, 0, out, logStdOffset(), actions);
    }

    /** R{μ} = V₂ u + W₂ (u' ⊙ R{z}) + v_{b₂}, R{z} = V₁ s + v_{b₁}; R{log σ} = v_{log σ}. */
    @Override
    public void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd)
    {
        GaussianScores.checkParameters(this, theta);
        GaussianScores.checkParameters(this, v);
        double[] u = new double[hidden];
        double[] ru = new double[hidden];
        for (int i = 0; i < n; i++) {
            hiddenDirections(theta, observations, i, v, u, ru);
            for (int d = 0; d < actions; d++) {
                double r = v[outputBiasOffset() + d];
                for (int k = 0; k < hidden; k++) {
                    r += v[outputWeightIndex(d, k)] * u[k] + theta[outputWeightIndex(d, k)] * ru[k];
                }
                rMeans[i * actions + d] = r;
            }
        }
        System.arraycopy(v, logStdOffset(), rLogStd, 0, actions);
    }

    /**
     * R{∂/∂W₂} = rg uᵀ + g R{u}ᵀ, R{∂/∂b₂} = rg, R{ĝ} = (V₂ᵀ g + W₂ᵀ rg) ⊙ u' + (W₂ᵀ g) ⊙ (−2u ⊙ R{u}),
     * R{∂/∂W₁} = R{ĝ} sᵀ, R{∂/∂b₁} = R{ĝ}, R{∂/∂log σ} = rgLogStd.
     */
    @Override
    public void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
            double[] v, double[] out)
    {
        GaussianScores.checkParameters(this, theta);
        GaussianScores.checkParameters(this, v);
        Arrays.fill(out, 0, parameterCount(), 0);
        double[] u = new double[hidden];
        double[] ru = new double[hidden];
        for (int i = 0; i < n; i++) {
            hiddenDirections(theta, observations, i, v, u, ru);
            for (int k = 0; k < hidden; k++) {
                double gu = 0;
                double rgu = 0;
                for (int d = 0; d < actions; d++) {
                    double g = gMeans[i * actions + d];
                    double rg = rgMeans[i * actions + d];
                    out[outputWeightIndex(d, k)] += rg * u[k] + g * ru[k];
                    gu += theta[outputWeightIndex(d, k)] * g;
                    rgu += v[outputWeightIndex(d, k)] * g + theta[outputWeightIndex(d, k)] * rg;
                }
                double derivative = 1 - u[k] * u[k];
                double rgz = rgu * derivative - 2 * gu * u[k] * ru[k];
                for (int j = 0; j < this.observations; j++) {
                    out[inputWeightIndex(k, j)] += rgz * observations[i * this.observations + j];
                }
                out[hiddenBiasOffset() + k] += rgz;
            }
            for (int d = 0; d < actions; d++) {
                out[outputBiasOffset() + d] += rgMeans[i * actions + d];
            }
        }
        System.arraycopy(rgLogStd, 0, out, logStdOffset(), actions);
    }

    /** u = tanh(W₁ s_i + b₁). */
    private void hiddenLayer(double[] theta, double[] observations, int row, double[] u)
    {
        for (int k = 0; k < hidden; k++) {
            double z = theta[hiddenBiasOffset() + k];
            for (int j = 0; j < this.observations; j++) {
                z += theta[inputWeightIndex(k, j)] * observations[row * this.observations + j];
            }
            u[k] = Math.tanh(z);
        }
    }

    /** u = tanh(W₁ s_i + b₁) and R{u} = u' ⊙ (V₁ s_i + v_{b₁}). */
    private void hiddenDirections(double[] theta, double[] observations, int row, double[] v, double[] u, double[] ru)
    {
        hiddenLayer(theta, observations, row, u);
        for (int k = 0; k < hidden; k++) {
            double rz = v[hiddenBiasOffset() + k];
            for (int j = 0; j < this.observations; j++) {
                rz += v[inputWeightIndex(k, j)] * observations[row * this.observations + j];
            }
            ru[k] = (1 - u[k] * u[k]) * rz;
        }
    }

    /** (W₂ u + b₂)_d. */
    private double affine(double[] theta, int action, double[] u)
    {
        double mean = theta[outputBiasOffset() + action];
        for (int k = 0; k < hidden; k++) {
            mean += theta[outputWeightIndex(action, k)] * u[k];
        }
        return mean;
    }

    @Override
    public String toString()
    {
        return name();
    }
}
