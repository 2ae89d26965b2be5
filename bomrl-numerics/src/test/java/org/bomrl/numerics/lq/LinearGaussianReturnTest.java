package org.bomrl.numerics.lq;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.LinearQuadraticModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

final class LinearGaussianReturnTest
{
    /** Central differences with h = 1e-5 on a smooth objective: truncation ~h²·J''' plus round-off ~ε|J|/h. */
    private static final double FINITE_DIFFERENCE_STEP = 1e-5;
    private static final double FINITE_DIFFERENCE = 1e-6;
    /** Monte-Carlo agreement within this many standard errors of the sample mean. */
    private static final double STANDARD_ERRORS = 5;
    private static final int EPISODES = 40_000;
    private static final double EXACT = 1e-10;

    @Test
    void gradientMatchesCentralFiniteDifferences()
    {
        SplittableRandom random = RandomSource.seeded(21).derive("lq-gradient").generator();
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {3, 2}}) {
            int n = shape[0];
            int m = shape[1];
            LinearQuadraticModel model = Models.random(random, n, m, 15, 0.95);
            LinearGaussianReturn objective = new LinearGaussianReturn(model);
            for (int trial = 0; trial < 3; trial++) {
                double[] theta = Models.randomTheta(random, n, m, 0.5);
                double[] gradient = new double[theta.length];

                double value = objective.valueAndGradient(theta, gradient);

                assertThat(value).isEqualTo(objective.value(theta));
                for (int i = 0; i < theta.length; i++) {
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[i] += FINITE_DIFFERENCE_STEP;
                    minus[i] -= FINITE_DIFFERENCE_STEP;
                    double central = (objective.value(plus) - objective.value(minus)) / (2 * FINITE_DIFFERENCE_STEP);
                    assertThat(gradient[i]).as("n=%d, m=%d, trial %d: ∂J/∂θ_%d", n, m, trial, i)
                            .isCloseTo(central, within(FINITE_DIFFERENCE * (1 + Math.abs(central))));
                }
            }
        }
    }

    @Test
    void deterministicPolicyReturnEqualsTheIndependentFeedbackEvaluation()
    {
        // with k = 0 and σ → e^{-40}, the policy is u = Kx: FeedbackCost with L_t = K for all t
        SplittableRandom random = RandomSource.seeded(22).derive("lq-deterministic").generator();
        LinearQuadraticModel model = Models.random(random, 3, 2, 12, 0.9);
        double[] theta = Models.randomTheta(random, 3, 2, 0.7);
        double[] gains = new double[12 * 6];
        for (int t = 0; t < 12; t++) {
            System.arraycopy(theta, 0, gains, t * 6, 6);
        }
        for (int i = 6; i < 8; i++) {
            theta[i] = 0;
        }
        theta[8] = -40;
        theta[9] = -40;

        double value = new LinearGaussianReturn(model).value(theta);

        double cost = FeedbackCost.of(model, gains);
        assertThat(value).isCloseTo(-cost, within(EXACT * (1 + Math.abs(cost))));
    }

    @Test
    void returnMatchesMonteCarloRolloutsOfTheModel()
    {
        SplittableRandom random = RandomSource.seeded(23).derive("lq-monte-carlo").generator();
        int n = 2;
        int m = 1;
        LinearQuadraticModel model = Models.random(random, n, m, 20, 0.95);
        double[] theta = {0.3, -0.6, 0.2, Math.log(0.4)};
        double exact = new LinearGaussianReturn(model).value(theta);
        double[][] a = model.a();
        double[][] b = model.b();
        double[][] q = model.q();
        double[][] r = model.r();
        double[][] w = model.sigmaW();
        double[][] s0 = model.sigma0();
        double[] m0 = model.m0();
        double sigma = Math.exp(theta[3]);
        double sum = 0;
        double sumOfSquares = 0;
        for (int episode = 0; episode < EPISODES; episode++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = m0[i] + Math.sqrt(s0[i][i]) * random.nextGaussian();
            }
            double total = 0;
            double discount = 1;
            for (int t = 0; t < model.horizon(); t++) {
                double u = theta[0] * x[0] + theta[1] * x[1] + theta[2] + sigma * random.nextGaussian();
                double cost = r[0][0] * u * u;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        cost += x[i] * q[i][j] * x[j];
                    }
                }
                total -= discount * cost;
                discount *= model.gamma();
                double[] next = new double[n];
                for (int i = 0; i < n; i++) {
                    next[i] = a[i][0] * x[0] + a[i][1] * x[1] + b[i][0] * u + Math.sqrt(w[i][i]) * random.nextGaussian();
                }
                x = next;
            }
            sum += total;
            sumOfSquares += total * total;
        }
        double mean = sum / EPISODES;
        double standardError = Math.sqrt((sumOfSquares / EPISODES - mean * mean) / (EPISODES - 1));

        assertThat(standardError).as("standard error").isLessThan(0.02 * Math.abs(exact));
        assertThat(mean).isCloseTo(exact, within(STANDARD_ERRORS * standardError));
    }

    @Test
    void badParameterVectorsAreRejected()
    {
        LinearQuadraticModel model = Models.random(RandomSource.seeded(24).generator(), 2, 1, 5, 0.9);
        LinearGaussianReturn objective = new LinearGaussianReturn(model);

        assertThat(objective.parameterCount()).isEqualTo(4);
        assertThatThrownBy(() -> objective.value(new double[3])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected m·n + 2m = 4");
        assertThatThrownBy(() -> objective.value(new double[] {0, Double.NaN, 0, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("θ[1]");
        assertThatThrownBy(() -> objective.valueAndGradient(new double[4], new double[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradient has 5 values");
    }
}
