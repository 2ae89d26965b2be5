package org.bomrl.metrics.distance;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.tck.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Gaussian KL kernel and views against independent derivations: quadrature, argument swap, the Gaussian Fisher information. */
class GaussianDistanceClosedFormTest
{
    /** Simpson's rule on ±{@value} standard deviations of N₀ with {@link #INTERVALS} intervals. */
    private static final double QUADRATURE_HALF_WIDTH = 12;
    private static final int INTERVALS = 20_000;
    private static final double QUADRATURE_TOLERANCE = 1e-9;
    private static final double FINITE_DIFFERENCE_STEP = 1e-5;
    private static final double DERIVATIVE_TOLERANCE = 1e-7;
    private static final double EXACT = 1e-12;
    private static final int SAMPLES = 8;

    private final SplittableRandom random = RandomSource.seeded(31L).derive("gaussian-kl").generator();

    /** KL(N₀‖N₁) = ∫ p₀ log(p₀/p₁) by Simpson's rule. */
    @Test
    void kernelValueEqualsQuadratureOfTheDefinition()
    {
        for (int sample = 0; sample < SAMPLES; sample++) {
            double mean0 = random.nextGaussian();
            double logStd0 = 0.5 * random.nextGaussian();
            double mean1 = random.nextGaussian();
            double logStd1 = 0.5 * random.nextGaussian();

            assertThat(GaussianKl.value(mean0, logStd0, mean1, logStd1)).as("sample %d", sample)
                    .isCloseTo(quadrature(mean0, logStd0, mean1, logStd1), within(QUADRATURE_TOLERANCE));
        }
        assertThat(GaussianKl.value(0.3, -0.7, 0.3, -0.7)).isZero();
    }

    @Test
    void kernelDerivativesMatchCentralDifferences()
    {
        double[] gradient = new double[4];
        double[] column = new double[4];
        double[] unit = new double[4];
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] x = {random.nextGaussian(), 0.5 * random.nextGaussian(), random.nextGaussian(), 0.5 * random.nextGaussian()};
            GaussianKl.gradient(x[0], x[1], x[2], x[3], gradient);
            for (int j = 0; j < 4; j++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += FINITE_DIFFERENCE_STEP;
                minus[j] -= FINITE_DIFFERENCE_STEP;
                double numeric = (GaussianKl.value(plus[0], plus[1], plus[2], plus[3]) - GaussianKl.value(minus[0], minus[1], minus[2], minus[3]))
                        / (2 * FINITE_DIFFERENCE_STEP);
                assertThat(gradient[j]).as("∂k/∂x_%d", j).isCloseTo(numeric, within(DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(numeric))));

                Arrays.fill(unit, 0);
                unit[j] = 1;
                GaussianKl.hessianVector(x[0], x[1], x[2], x[3], unit, column);
                double[] gradientPlus = new double[4];
                double[] gradientMinus = new double[4];
                GaussianKl.gradient(plus[0], plus[1], plus[2], plus[3], gradientPlus);
                GaussianKl.gradient(minus[0], minus[1], minus[2], minus[3], gradientMinus);
                for (int i = 0; i < 4; i++) {
                    double second = (gradientPlus[i] - gradientMinus[i]) / (2 * FINITE_DIFFERENCE_STEP);
                    assertThat(column[i]).as("∂²k/∂x_%d∂x_%d", i, j).isCloseTo(second, within(DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(second))));
                }
            }
        }
    }

    /** Alg(1)(θ, φ) = mean Σ KL(N_φ‖N_θ) = Alg(2)(φ, θ): the two views differ only in the direction. */
    @Test
    void theTwoKlDirectionsAreEachOthersArgumentSwap()
    {
        LinearGaussianPolicy policy = new LinearGaussianPolicy(3, 2);
        GaussianDistance priorAdapted = new KlPriorAdapted().gaussian().get();
        GaussianDistance adaptedPrior = new KlAdaptedPrior().gaussian().get();
        double[] theta = gaussian(policy.parameterCount(), 0.5);
        double[] phi = gaussian(policy.parameterCount(), 0.5);
        double[] observations = gaussian(4 * 3, 1);

        double forward = priorAdapted.value(policy, theta, phi, observations, 4);

        assertThat(adaptedPrior.value(policy, phi, theta, observations, 4)).isEqualTo(forward);
        assertThat(adaptedPrior.value(policy, theta, phi, observations, 4)).isNotCloseTo(forward, within(1e-3));
        assertThat(forward).isCloseTo(meanKlByQuadrature(policy, phi, theta, observations, 4), within(4 * QUADRATURE_TOLERANCE));
    }

    /**
     * At θ = φ both KL views have Hessian (1/n) Σ_i J_iᵀ diag(1/σ², 2) J_i, the Fisher information of
     * N(μ, σ²) in (μ, log σ); for the linear policy (∂μ_d/∂W_{d,j} = s_j, ∂μ_d/∂b_d = 1) it is built here by hand.
     */
    @Test
    void hessianAtTheIdentityIsTheGaussianFisherInformation()
    {
        LinearGaussianPolicy policy = new LinearGaussianPolicy(3, 2);
        int n = 5;
        double[] theta = gaussian(policy.parameterCount(), 0.5);
        double[] observations = gaussian(n * 3, 1);
        double[] v = gaussian(policy.parameterCount(), 1);
        double[] expected = new double[policy.parameterCount()];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                double variance = Math.exp(2 * theta[policy.logStdOffset() + d]);
                double jv = v[policy.biasOffset() + d];
                for (int j = 0; j < 3; j++) {
                    jv += v[policy.weightIndex(d, j)] * observations[i * 3 + j];
                }
                for (int j = 0; j < 3; j++) {
                    expected[policy.weightIndex(d, j)] += observations[i * 3 + j] * jv / variance / n;
                }
                expected[policy.biasOffset() + d] += jv / variance / n;
            }
        }
        for (int d = 0; d < 2; d++) {
            expected[policy.logStdOffset() + d] = 2 * v[policy.logStdOffset() + d];
        }
        for (GaussianDistance distance : new GaussianDistance[] {new KlPriorAdapted().gaussian().get(), new KlAdaptedPrior().gaussian().get()}) {
            double[] out = new double[policy.parameterCount()];
            distance.hessianVectorThetaTheta(policy, theta, theta.clone(), observations, n, v, out);
            assertThat(out).as("%s", distance).containsExactly(expected, within(EXACT));
        }
    }

    @Test
    void squaredEuclideanIgnoresTheStatesAndHasConstantDerivatives()
    {
        LinearGaussianPolicy policy = new LinearGaussianPolicy(2, 1);
        GaussianDistance distance = new SquaredEuclidean().gaussian().get();
        double[] theta = {1, 2, 3, 4};
        double[] phi = {0, 2, 5, 3.5};
        double[] x = {1, -1, 0.5, 2};
        double[] out = new double[4];

        assertThat(distance.value(policy, theta, phi, new double[2], 1)).isEqualTo(1 + 0 + 4 + 0.25);
        assertThat(distance.value(policy, theta, phi, new double[] {7, 8, 9, 10}, 2)).isEqualTo(5.25);
        distance.crossTerm(policy, theta, phi, new double[2], 1, x, out);
        assertThat(out).containsExactly(-2, 2, -1, -4);
        distance.hessianVectorThetaTheta(policy, theta, phi, new double[2], 1, x, out);
        assertThat(out).containsExactly(2, -2, 1, 4);
    }

    @Test
    void rejectsParametersOfTheWrongLengthAndEmptyStateSets()
    {
        LinearGaussianPolicy policy = new LinearGaussianPolicy(2, 1);
        GaussianDistance distance = new KlPriorAdapted().gaussian().get();
        assertThatThrownBy(() -> distance.value(policy, new double[3], new double[4], new double[2], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 parameters");
        assertThatThrownBy(() -> distance.value(policy, new double[4], new double[4], new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be positive");
        assertThatThrownBy(() -> distance.value(policy, new double[4], new double[4], new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observations");
    }

    private static double meanKlByQuadrature(LinearGaussianPolicy policy, double[] first, double[] second, double[] observations, int n)
    {
        int k = policy.actionDimension();
        double[] means0 = new double[n * k];
        double[] logStd0 = new double[k];
        double[] means1 = new double[n * k];
        double[] logStd1 = new double[k];
        policy.outputs(first, observations, n, means0, logStd0);
        policy.outputs(second, observations, n, means1, logStd1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < k; d++) {
                sum += quadrature(means0[i * k + d], logStd0[d], means1[i * k + d], logStd1[d]);
            }
        }
        return sum / n;
    }

    private static double quadrature(double mean0, double logStd0, double mean1, double logStd1)
    {
        double sigma0 = Math.exp(logStd0);
        double sigma1 = Math.exp(logStd1);
        double a = mean0 - QUADRATURE_HALF_WIDTH * sigma0;
        double h = 2 * QUADRATURE_HALF_WIDTH * sigma0 / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double x = a + i * h;
            double logP = -0.5 * Math.pow((x - mean0) / sigma0, 2) - Math.log(sigma0 * Math.sqrt(2 * Math.PI));
            double logQ = -0.5 * Math.pow((x - mean1) / sigma1, 2) - Math.log(sigma1 * Math.sqrt(2 * Math.PI));
            double weight = i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.exp(logP) * (logP - logQ);
        }
        return sum * h / 3;
    }

    private double[] gaussian(int length, double scale)
    {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = scale * random.nextGaussian();
        }
        return x;
    }
}
