package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Contract tests for {@link GaussianPolicy} (spec §2.5, §3.5): a policy is held to them by extending
 * this class. At seeded random parameters (initial parameters plus {@value #PARAMETER_PERTURBATION}
 * standard normals) and observations: the Jacobian–vector product equals central differences of the
 * outputs, the vector–Jacobian product is its transpose, the output R-operator equals central
 * differences of the vector–Jacobian product plus Jᵀrg, log-probabilities are the diagonal normal
 * density of the outputs, samples have the policy's mean and standard deviation, and the score
 * gradient and Hessian-vector product equal central differences of Σ_i f_i(ℓ_i).
 */
public abstract class GaussianPolicyContract
{
    /** Random parameter points tested. */
    protected static final int SAMPLES = 4;
    /** Rows of the observation batches. */
    protected static final int STATES = 5;
    /** Standard deviation added to the initial parameters. */
    protected static final double PARAMETER_PERTURBATION = 0.4;
    /** Step of the central differences. */
    protected static final double FINITE_DIFFERENCE_STEP = 1e-5;
    /** Allowed |analytic − central difference| ≤ tolerance · max(1, |analytic|). */
    protected static final double DERIVATIVE_TOLERANCE = 1e-6;
    /** Allowed relative mismatch of identities that hold up to rounding. */
    protected static final double ROUNDING_TOLERANCE = 1e-12;
    /** Draws used to check the sample mean and standard deviation. */
    protected static final int DRAWS = 20_000;
    /** Allowed |sample mean − μ| in units of σ: five standard errors. */
    protected static final double MEAN_TOLERANCE_IN_STDS = 5 / Math.sqrt(DRAWS);
    /** Allowed relative error of the sample standard deviation: five standard errors (≈ 1/√(2N)). */
    protected static final double STD_RELATIVE_TOLERANCE = 5 / Math.sqrt(2.0 * DRAWS);
    protected static final long SEED = 20241013L;

    /** The policy under test. */
    protected abstract GaussianPolicy policy();

    @Test
    public void initialParametersHaveTheDeclaredLengthAndDependOnTheStreamOnly()
    {
        RandomSource stream = RandomSource.seeded(SEED).derive("initial");
        double[] first = policy().initialParameters(stream);
        assertThat(first).hasSize(policy().parameterCount());
        assertThat(policy().initialParameters(stream)).containsExactly(first);
        for (double value : first) {
            assertThat(value).as("initial parameter").isFinite();
        }
    }

    @Test
    public void outputDirectionalMatchesFiniteDifferencesOfOutputs()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            int k = policy.actionDimension();
            double[] v = gaussian(random, theta.length);
            double[] rMeans = filled(STATES * k);
            double[] rLogStd = filled(k);
            policy.outputDirectional(theta, observations, STATES, v, rMeans, rLogStd);
            double[][] plus = outputs(policy, step(theta, v, FINITE_DIFFERENCE_STEP), observations);
            double[][] minus = outputs(policy, step(theta, v, -FINITE_DIFFERENCE_STEP), observations);
            assertClose(rMeans, difference(plus[0], minus[0]), "(J v) of the means");
            assertClose(rLogStd, difference(plus[1], minus[1]), "(J v) of log σ");
        });
    }

    @Test
    public void outputGradientIsTheTransposeOfOutputDirectional()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            int k = policy.actionDimension();
            double[] v = gaussian(random, theta.length);
            double[] gMeans = gaussian(random, STATES * k);
            double[] gLogStd = gaussian(random, k);
            double[] rMeans = filled(STATES * k);
            double[] rLogStd = filled(k);
            double[] vjp = filled(theta.length);
            policy.outputDirectional(theta, observations, STATES, v, rMeans, rLogStd);
            policy.outputGradient(theta, observations, STATES, gMeans, gLogStd, vjp);
            double left = dot(gMeans, rMeans) + dot(gLogStd, rLogStd);
            double right = dot(vjp, v);
            assertThat(right).as("⟨Jᵀg, v⟩ vs ⟨g, Jv⟩ for %s", policy.name())
                    .isCloseTo(left, within(1e3 * ROUNDING_TOLERANCE * Math.max(1, Math.abs(left))));
        });
    }

    @Test
    public void outputHessianVectorMatchesFiniteDifferencesOfOutputGradient()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            int k = policy.actionDimension();
            double[] v = gaussian(random, theta.length);
            double[] gMeans = gaussian(random, STATES * k);
            double[] gLogStd = gaussian(random, k);
            double[] rgMeans = gaussian(random, STATES * k);
            double[] rgLogStd = gaussian(random, k);
            double[] analytic = filled(theta.length);
            policy.outputHessianVector(theta, observations, STATES, gMeans, gLogStd, rgMeans, rgLogStd, v, analytic);
            double[] plus = new double[theta.length];
            double[] minus = new double[theta.length];
            double[] firstOrder = new double[theta.length];
            policy.outputGradient(step(theta, v, FINITE_DIFFERENCE_STEP), observations, STATES, gMeans, gLogStd, plus);
            policy.outputGradient(step(theta, v, -FINITE_DIFFERENCE_STEP), observations, STATES, gMeans, gLogStd, minus);
            policy.outputGradient(theta, observations, STATES, rgMeans, rgLogStd, firstOrder);
            double[] expected = difference(plus, minus);
            for (int j = 0; j < expected.length; j++) {
                expected[j] += firstOrder[j];
            }
            assertClose(analytic, expected, "R-operator of the vector–Jacobian product");
        });
    }

    @Test
    public void logProbabilitiesAreTheNormalDensityOfTheOutputs()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            int k = policy.actionDimension();
            TrajectoryBatch batch = batch(policy, observations, random);
            double[][] outputs = outputs(policy, theta, observations);
            double[] logProbabilities = filled(STATES);
            policy.logProbabilities(theta, batch, logProbabilities);
            for (int i = 0; i < STATES; i++) {
                double density = 1;
                for (int d = 0; d < k; d++) {
                    double sigma = Math.exp(outputs[1][d]);
                    double z = (batch.actions()[i * k + d] - outputs[0][i * k + d]) / sigma;
                    density *= Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
                }
                double[] observation = Arrays.copyOfRange(observations, i * policy.observationDimension(), (i + 1) * policy.observationDimension());
                double[] action = Arrays.copyOfRange(batch.actions(), i * k, (i + 1) * k);
                assertThat(logProbabilities[i]).as("log π(a_%d|s_%d)", i, i).isCloseTo(Math.log(density), within(1e-10));
                assertThat(policy.logProbability(theta, observation, action)).as("logProbability of row %d", i).isCloseTo(logProbabilities[i], within(1e-12));
            }
        });
    }

    @Test
    public void samplesHaveThePolicysMeanAndStandardDeviation()
    {
        GaussianPolicy policy = policy();
        int k = policy.actionDimension();
        SplittableRandom random = RandomSource.seeded(SEED).derive("draws").generator();
        double[] theta = perturbed(policy, 0, random);
        double[] observation = gaussian(random, policy.observationDimension());
        double[][] outputs = outputs(policy, theta, observation, 1);
        double[] sum = new double[k];
        double[] sumOfSquares = new double[k];
        double[] action = new double[k];
        for (int draw = 0; draw < DRAWS; draw++) {
            double logProbability = policy.sample(theta, observation, random, action);
            if (draw < 10) {
                assertThat(logProbability).as("log-probability returned by sample").isCloseTo(policy.logProbability(theta, observation, action), within(1e-12));
            }
            for (int d = 0; d < k; d++) {
                sum[d] += action[d];
                sumOfSquares[d] += action[d] * action[d];
            }
        }
        for (int d = 0; d < k; d++) {
            double sigma = Math.exp(outputs[1][d]);
            double mean = sum[d] / DRAWS;
            double std = Math.sqrt(sumOfSquares[d] / DRAWS - mean * mean);
            assertThat(mean).as("sample mean of action %d", d).isCloseTo(outputs[0][d], within(MEAN_TOLERANCE_IN_STDS * sigma));
            assertThat(std).as("sample standard deviation of action %d", d).isCloseTo(sigma, within(STD_RELATIVE_TOLERANCE * sigma));
        }
    }

    @Test
    public void scoreGradientMatchesFiniteDifferences()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            TrajectoryBatch batch = batch(policy, observations, random);
            double[] weights = gaussian(random, STATES);
            double[] analytic = filled(theta.length);
            double[] logProbabilities = filled(STATES);
            policy.scoreGradient(theta, batch, weights, analytic, logProbabilities);
            double[] expectedLogProbabilities = new double[STATES];
            policy.logProbabilities(theta, batch, expectedLogProbabilities);
            assertThat(logProbabilities).as("log-probabilities written by scoreGradient").containsExactly(expectedLogProbabilities, within(1e-12));
            double[] numeric = new double[theta.length];
            double[] row = new double[STATES];
            for (int j = 0; j < theta.length; j++) {
                double original = theta[j];
                theta[j] = original + FINITE_DIFFERENCE_STEP;
                policy.logProbabilities(theta, batch, row);
                double plus = dot(weights, row);
                theta[j] = original - FINITE_DIFFERENCE_STEP;
                policy.logProbabilities(theta, batch, row);
                double minus = dot(weights, row);
                theta[j] = original;
                numeric[j] = (plus - minus) / (2 * FINITE_DIFFERENCE_STEP);
            }
            assertClose(analytic, numeric, "Σ_i w_i ∇ℓ_i");
        });
    }

    /** f_i(ℓ) = w_i ℓ + ½ c_i ℓ², so f' = w + cℓ, f'' = c; the gradient Σ f_i'(ℓ_i)∇ℓ_i is differenced along v. */
    @Test
    public void scoreHessianVectorMatchesFiniteDifferencesOfScoreGradient()
    {
        forEachSample((theta, observations, random) -> {
            GaussianPolicy policy = policy();
            TrajectoryBatch batch = batch(policy, observations, random);
            double[] w = gaussian(random, STATES);
            double[] c = gaussian(random, STATES);
            double[] v = gaussian(random, theta.length);
            double[] first = firstDerivatives(policy, theta, batch, w, c);
            double[] analytic = filled(theta.length);
            policy.scoreHessianVector(theta, batch, first, c, v, analytic);
            double[] plus = new double[theta.length];
            double[] minus = new double[theta.length];
            double[] thetaPlus = step(theta, v, FINITE_DIFFERENCE_STEP);
            double[] thetaMinus = step(theta, v, -FINITE_DIFFERENCE_STEP);
            policy.scoreGradient(thetaPlus, batch, firstDerivatives(policy, thetaPlus, batch, w, c), plus, null);
            policy.scoreGradient(thetaMinus, batch, firstDerivatives(policy, thetaMinus, batch, w, c), minus, null);
            assertClose(analytic, difference(plus, minus), "Hessian-vector product of Σ_i f_i(ℓ_i)");
        });
    }

    private static double[] firstDerivatives(GaussianPolicy policy, double[] theta, TrajectoryBatch batch, double[] w, double[] c)
    {
        double[] logProbabilities = new double[STATES];
        policy.logProbabilities(theta, batch, logProbabilities);
        double[] first = new double[STATES];
        for (int i = 0; i < STATES; i++) {
            first[i] = w[i] + c[i] * logProbabilities[i];
        }
        return first;
    }

    /** One random point: parameters, STATES rows of observations, and a generator for directions. */
    @FunctionalInterface
    protected interface SampleCheck
    {
        void check(double[] theta, double[] observations, SplittableRandom random);
    }

    /** Runs {@code check} on {@link #SAMPLES} seeded random points. */
    protected void forEachSample(SampleCheck check)
    {
        GaussianPolicy policy = policy();
        for (int sample = 0; sample < SAMPLES; sample++) {
            SplittableRandom random = RandomSource.seeded(SEED).derive("sample").derive(sample).generator();
            double[] theta = perturbed(policy, sample, random);
            double[] observations = gaussian(random, STATES * policy.observationDimension());
            check.check(theta, observations, random);
        }
    }

    private static double[] perturbed(GaussianPolicy policy, int sample, SplittableRandom random)
    {
        double[] theta = policy.initialParameters(RandomSource.seeded(SEED).derive("initial").derive(sample));
        for (int j = 0; j < theta.length; j++) {
            theta[j] += PARAMETER_PERTURBATION * random.nextGaussian();
        }
        return theta;
    }

    private static TrajectoryBatch batch(GaussianPolicy policy, double[] observations, SplittableRandom random)
    {
        return new TrajectoryBatch("contract", policy.observationDimension(), policy.actionDimension(), new int[] {0, STATES}, observations,
                gaussian(random, STATES * policy.actionDimension()), new double[STATES], new double[STATES], new boolean[STATES], new boolean[STATES],
                new double[policy.observationDimension()]);
    }

    private static double[][] outputs(GaussianPolicy policy, double[] theta, double[] observations)
    {
        return outputs(policy, theta, observations, STATES);
    }

    private static double[][] outputs(GaussianPolicy policy, double[] theta, double[] observations, int n)
    {
        double[] means = filled(n * policy.actionDimension());
        double[] logStd = filled(policy.actionDimension());
        policy.outputs(theta, observations, n, means, logStd);
        return new double[][] {means, logStd};
    }

    static double[] gaussian(SplittableRandom random, int length)
    {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    static double[] step(double[] x, double[] direction, double scale)
    {
        double[] result = x.clone();
        for (int i = 0; i < x.length; i++) {
            result[i] += scale * direction[i];
        }
        return result;
    }

    static double[] difference(double[] plus, double[] minus)
    {
        double[] result = new double[plus.length];
        for (int i = 0; i < plus.length; i++) {
            result[i] = (plus[i] - minus[i]) / (2 * FINITE_DIFFERENCE_STEP);
        }
        return result;
    }

    static double dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** An output array pre-filled with NaN, so entries an implementation forgets to write are caught. */
    static double[] filled(int length)
    {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private void assertClose(double[] analytic, double[] numeric, String what)
    {
        for (int j = 0; j < analytic.length; j++) {
            assertThat(analytic[j]).as("%s [%d] of %s is finite", what, j, policy().name()).isFinite();
            assertThat(Math.abs(analytic[j] - numeric[j]))
                    .as("%s [%d] of %s: analytic %s vs central difference %s", what, j, policy().name(), analytic[j], numeric[j])
                    .isLessThanOrEqualTo(DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(analytic[j])));
        }
    }
}
