package org.bomrl.numerics.lq;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.LinearQuadraticModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

final class RiccatiOptimumTest
{
    /** Agreement of two exact evaluations of the same gains (round-off over a few matrix products). */
    private static final double EXACT = 1e-10;
    /** Compass search stops at steps below 1e-9; the cost is smooth, so its value is optimal to ~1e-12. */
    private static final double SEARCH = 1e-8;
    private static final double SMALLEST_STEP = 1e-9;

    @Test
    void oneStepOptimumIsTheUncontrollableStateCost()
    {
        // H = 1: only r_0 = −(x_0ᵀQx_0 + u_0ᵀRu_0) counts, so u_0 = 0 and J* = −(m_0ᵀQm_0 + tr(QΣ_0))
        LinearQuadraticModel model = new LinearQuadraticModel(new double[][] {{1.2}}, new double[][] {{0.7}}, new double[][] {{2}}, new double[][] {{0.5}},
                new double[][] {{0.3}}, new double[] {1.5}, new double[][] {{0.4}}, 0.9, 1);

        assertThat(RiccatiOptimum.solve(model).optimalReturn()).isCloseTo(-2 * (1.5 * 1.5 + 0.4), within(EXACT));
    }

    @Test
    void optimalGainsCostWhatTheOptimumSaysByAnIndependentEvaluation()
    {
        SplittableRandom random = RandomSource.seeded(11).derive("riccati-evaluation").generator();
        for (int trial = 0; trial < 4; trial++) {
            int n = 1 + trial % 3;
            int m = 1 + trial / 2;
            LinearQuadraticModel model = Models.random(random, n, m, 6, 0.95);
            RiccatiOptimum optimum = RiccatiOptimum.solve(model);

            double cost = FeedbackCost.of(model, gains(optimum, n, m));

            assertThat(-cost).as("trial %d: cost of the Riccati gains", trial)
                    .isCloseTo(optimum.optimalReturn(), within(EXACT * (1 + Math.abs(cost))));
        }
    }

    @Test
    void optimumEqualsABruteForceSearchOverTimeVaryingLinearGains()
    {
        SplittableRandom random = RandomSource.seeded(12).derive("riccati-brute-force").generator();
        for (int[] shape : new int[][] {{1, 1, 3}, {2, 1, 2}, {2, 2, 2}}) {
            LinearQuadraticModel model = Models.random(random, shape[0], shape[1], shape[2], 0.9);
            double searched = compassSearch(model, new double[shape[0] * shape[1] * shape[2]]);

            double optimum = RiccatiOptimum.solve(model).optimalReturn();

            assertThat(optimum).as("n=%d, m=%d, H=%d", shape[0], shape[1], shape[2])
                    .isCloseTo(-searched, within(SEARCH * (1 + Math.abs(optimum))));
        }
    }

    @Test
    void optimumIsAtLeastTheReturnOfAnyStationaryLinearGaussianPolicy()
    {
        SplittableRandom random = RandomSource.seeded(13).derive("riccati-dominates").generator();
        LinearQuadraticModel model = Models.random(random, 2, 1, 20, 0.97);
        double optimum = RiccatiOptimum.solve(model).optimalReturn();
        LinearGaussianReturn objective = new LinearGaussianReturn(model);
        for (int trial = 0; trial < 200; trial++) {
            double[] theta = Models.randomTheta(random, 2, 1, 2);

            assertThat(objective.value(theta)).as("trial %d", trial).isLessThanOrEqualTo(optimum);
        }
    }

    @Test
    void modelWithoutPositiveDefiniteControlCostIsRejectedAtTheRecord()
    {
        assertThatThrownBy(() -> new LinearQuadraticModel(new double[][] {{1}}, new double[][] {{1}}, new double[][] {{1}}, new double[][] {{0}},
                new double[][] {{0}}, new double[] {0}, new double[][] {{0}}, 0.9, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R[0][0]");
    }

    private static double[] gains(RiccatiOptimum optimum, int n, int m)
    {
        double[] gains = new double[optimum.horizon() * m * n];
        double[] gain = new double[m * n];
        for (int t = 0; t < optimum.horizon(); t++) {
            optimum.gain(t, gain);
            System.arraycopy(gain, 0, gains, t * m * n, m * n);
        }
        return gains;
    }

    /** Minimises FeedbackCost over all gains by compass search from {@code start}: try ±step on each coordinate, halve the step when none improves. */
    private static double compassSearch(LinearQuadraticModel model, double[] start)
    {
        double[] x = start.clone();
        double best = FeedbackCost.of(model, x);
        for (double step = 1; step > SMALLEST_STEP; ) {
            boolean improved = false;
            for (int i = 0; i < x.length; i++) {
                for (double sign : new double[] {1, -1}) {
                    double old = x[i];
                    x[i] = old + sign * step;
                    double cost = FeedbackCost.of(model, x);
                    if (cost < best) {
                        best = cost;
                        improved = true;
                    }
                    else {
                        x[i] = old;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return best;
    }
}
