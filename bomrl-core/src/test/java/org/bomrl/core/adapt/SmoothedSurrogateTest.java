package org.bomrl.core.adapt;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The smoothed-ratio surrogate's per-row derivatives against central differences of its value (spec §2.5). */
final class SmoothedSurrogateTest
{
    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-8;

    @Test
    void firstAndSecondDerivativesMatchCentralDifferences()
    {
        SplittableRandom random = RandomSource.seeded(11).generator();
        int n = 7;
        double[] scores = new double[n];
        double[] data = new double[n];
        double[] advantages = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = random.nextDouble(-2, 0);
            scores[i] = data[i] + random.nextDouble(-0.7, 0.7);
            advantages[i] = random.nextDouble(-3, 3);
        }
        double scale = 1 / 0.5;
        double[] first = new double[n];
        double[] second = new double[n];
        SmoothedSurrogate.derivatives(scores, data, advantages, scale, first, second);
        double[] shifted = new double[n];
        double[] firstPlus = new double[n];
        double[] firstMinus = new double[n];
        for (int i = 0; i < n; i++) {
            double plus = valueWithRowShifted(scores, data, advantages, i, STEP);
            double minus = valueWithRowShifted(scores, data, advantages, i, -STEP);
            assertThat(first[i]).as("f'(ℓ_%d)", i).isCloseTo(scale * (plus - minus) / (2 * STEP), within(TOLERANCE));
            System.arraycopy(scores, 0, shifted, 0, n);
            shifted[i] += STEP;
            SmoothedSurrogate.derivatives(shifted, data, advantages, scale, firstPlus, null);
            shifted[i] -= 2 * STEP;
            SmoothedSurrogate.derivatives(shifted, data, advantages, scale, firstMinus, null);
            assertThat(second[i]).as("f''(ℓ_%d)", i).isCloseTo((firstPlus[i] - firstMinus[i]) / (2 * STEP), within(TOLERANCE));
        }
    }

    @Test
    void atTheDataPolicyTheSurrogateIsTheImportanceSampledAdvantageToFirstOrder()
    {
        // 2σ(2r − 2) = 1 and has slope 1 at r = 1, so at θ = φ: L = −mean Â and f' = −Â/N (spec §2.5)
        double[] scores = {-1.0, -0.3, -2.2};
        double[] advantages = {1.5, -0.5, 2.0};
        double[] first = new double[3];
        SmoothedSurrogate.derivatives(scores, scores, advantages, 1, first, null);
        assertThat(SmoothedSurrogate.value(scores, scores, advantages)).isCloseTo(-(1.5 - 0.5 + 2.0) / 3, within(1e-15));
        for (int i = 0; i < 3; i++) {
            assertThat(first[i]).isCloseTo(-advantages[i] / 3, within(1e-15));
        }
    }

    private static double valueWithRowShifted(double[] scores, double[] data, double[] advantages, int row, double step)
    {
        double[] shifted = scores.clone();
        shifted[row] += step;
        return SmoothedSurrogate.value(shifted, data, advantages);
    }
}
