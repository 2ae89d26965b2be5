package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-MAML's exploration term (spec §7.3, arXiv 1803.01118) has the expectation it claims: with one
 * pre-update sample a ∼ π_φ per batch, the estimator J(θ(φ, a)) · s(a), s = ∇_φ log π_φ(a) the
 * pre-update mean score {@link GaussianEmaml} keeps in its meta-gradient state, is unbiased for
 * the part of ∇_φ E_a[J(θ(φ, a))] that flows through the sampling distribution,
 * <pre>∂/∂φ' ∫ J(θ(φ, a)) π_φ'(a) da |_{φ' = φ},</pre>
 * θ(φ, a) = E-MAML's REINFORCE inner step, J the exact return. Bandit as in
 * {@link InnerObjectiveExpectationTest} (α = {@value #ALPHA}, log σ = {@value #LOG_STD}, where the
 * estimator is not heavy-tailed): π_θ(a) = N(μ, σ²) at observation 0, θ = (w, μ, log σ),
 * R(a) = −(a − c)², J(θ) = −((μ − c)² + σ²), Â = R(a) − J(φ). The reference value is an
 * independent derivation: central differences in (μ', log σ') of the integral written as
 * ∫ J(θ(φ, μ' + σ'z)) N(z; 0, 1) dz and evaluated by Simpson's rule. The Monte Carlo mean over
 * {@value #SAMPLES} samples must lie within {@value #STANDARD_ERRORS} standard errors. The samples
 * subtract the constant b = E[J(θ(φ, a))] from J (E[s] = 0, so the expectation is unchanged; the
 * meta-batch standardisation of R̃ is such a baseline and scale), which only reduces the variance.
 */
final class ExplorationTermExpectationTest
{
    private static final int SAMPLES = 100_000;
    private static final double STANDARD_ERRORS = 4.5;
    private static final double ALPHA = 0.05;
    private static final double MU = 0.3;
    private static final double LOG_STD = -1.0;
    private static final double TARGET = 1.1;
    private static final double[] PHI = {0.7, MU, LOG_STD};
    private static final int SIMPSON_INTERVALS = 20_000;
    private static final double Z_RANGE = 12;
    private static final double DIFFERENCE_STEP = 1e-5;

    @Test
    void returnTimesPreUpdateScoreEstimatesTheSamplingDerivative()
    {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(1, 1, new int[0], Activation.TANH, LOG_STD);
        GaussianEmaml emaml = new GaussianEmaml(ALPHA);
        SplittableRandom random = RandomSource.seeded(53).derive("exploration").generator();
        double[] sum = new double[2];
        double[] sumSquares = new double[2];
        double[] action = new double[1];
        double baseline = expectedAdaptedReturn(policy, emaml, MU, LOG_STD);
        for (int k = 0; k < SAMPLES; k++) {
            double before = policy.sample(PHI, new double[1], random, action);
            TrajectoryBatch batch = bandit(action[0], before);
            double[] advantages = {reward(action[0]) - exactReturn(PHI)};
            AdaptationResult adapted = emaml.adapt(policy, PHI, batch, advantages);
            double after = policy.sample(adapted.theta(), new double[1], random, action);
            MetaGradient metaGradient = emaml.metaGradient(policy, PHI, adapted, batch, advantages, bandit(action[0], after),
                    new double[] {reward(action[0]) - exactReturn(adapted.theta())});
            double[] s = GaussianEmaml.meanPreUpdateScore(metaGradient);
            double value = exactReturn(adapted.theta());
            for (int i = 0; i < 2; i++) {
                double estimate = (value - baseline) * s[i + 1];
                sum[i] += estimate;
                sumSquares[i] += estimate * estimate;
            }
        }
        double[] expected = samplingDerivative(policy, emaml);
        for (int i = 0; i < 2; i++) {
            double mean = sum[i] / SAMPLES;
            double standardError = Math.sqrt((sumSquares[i] / SAMPLES - mean * mean) / (SAMPLES - 1));
            assertThat(Math.abs(mean - expected[i])).as("component %d: %s ± %s vs %s", i, mean, standardError, expected[i]).isLessThan(STANDARD_ERRORS * standardError);
            assertThat(STANDARD_ERRORS * standardError).as("component %d: the tolerance %s is small against the claimed value %s (mean %s)", i, STANDARD_ERRORS * standardError, expected[i], mean).isLessThan(Math.abs(expected[i]) / 4);
        }
    }

    /** ∂/∂(μ', log σ') of ∫ J(θ(φ, μ' + σ'z)) N(z; 0, 1) dz by central differences of Simpson's rule. */
    private static double[] samplingDerivative(GaussianMlpPolicy policy, GaussianEmaml emaml)
    {
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            double[] plus = {MU, LOG_STD};
            double[] minus = {MU, LOG_STD};
            plus[i] += DIFFERENCE_STEP;
            minus[i] -= DIFFERENCE_STEP;
            out[i] = (expectedAdaptedReturn(policy, emaml, plus[0], plus[1]) - expectedAdaptedReturn(policy, emaml, minus[0], minus[1])) / (2 * DIFFERENCE_STEP);
        }
        return out;
    }

    /** ∫ J(θ(φ, μ' + σ'z)) N(z; 0, 1) dz with θ(φ, a) the inner step from φ on the one-row batch {a}. */
    private static double expectedAdaptedReturn(GaussianMlpPolicy policy, GaussianEmaml emaml, double mean, double logStd)
    {
        double h = 2 * Z_RANGE / SIMPSON_INTERVALS;
        double[] score = new double[1];
        double total = 0;
        for (int k = 0; k <= SIMPSON_INTERVALS; k++) {
            double z = -Z_RANGE + k * h;
            double a = mean + Math.exp(logStd) * z;
            TrajectoryBatch batch = bandit(a, 0);
            policy.logProbabilities(PHI, batch, score);
            double[] theta = emaml.adapt(policy, PHI, bandit(a, score[0]), new double[] {reward(a) - exactReturn(PHI)}).theta();
            double weight = k == 0 || k == SIMPSON_INTERVALS ? 1 : k % 2 == 1 ? 4 : 2;
            total += weight * exactReturn(theta) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        }
        return total * h / 3;
    }

    private static double reward(double a)
    {
        return -(a - TARGET) * (a - TARGET);
    }

    private static double exactReturn(double[] theta)
    {
        return -((theta[1] - TARGET) * (theta[1] - TARGET) + Math.exp(2 * theta[2]));
    }

    private static TrajectoryBatch bandit(double action, double logProbability)
    {
        boolean[] truncated = {true};
        return new TrajectoryBatch("bandit", 1, 1, new int[] {0, 1}, new double[1], new double[] {action}, new double[1], new double[] {logProbability}, new boolean[1],
                truncated, new double[1]);
    }
}
