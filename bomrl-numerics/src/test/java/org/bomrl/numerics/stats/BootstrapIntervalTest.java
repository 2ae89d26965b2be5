package org.bomrl.numerics.stats;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapIntervalTest
{
    /** z_{0.975} of the standard normal distribution. */
    private static final double Z_975 = 1.959963984540054;
    private static final int SAMPLE_SIZE = 400;
    private static final int RESAMPLES = 40_000;
    /**
     * In units of σ̂: Monte Carlo error of the 2.5 % / 97.5 % bootstrap quantiles with B = 40 000
     * (≈ 7e-4 σ̂ for n = 400) plus the O(skewness / √n) percentile shift (≈ 1e-4 σ̂), with margin.
     */
    private static final double NORMAL_TOLERANCE = 3e-3;

    @Test
    void percentileIntervalOfNormalDataMatchesTheNormalInterval()
    {
        SplittableRandom draws = RandomSource.seeded(11).derive("data").generator();
        double[] sample = new double[SAMPLE_SIZE];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 2.0 + 0.7 * draws.nextGaussian();
        }
        double mean = 0;
        for (double value : sample) {
            mean += value;
        }
        mean /= SAMPLE_SIZE;
        double squares = 0;
        for (double value : sample) {
            squares += (value - mean) * (value - mean);
        }
        double plugInSigma = Math.sqrt(squares / SAMPLE_SIZE);
        double halfWidth = Z_975 * plugInSigma / Math.sqrt(SAMPLE_SIZE);

        ConfidenceInterval interval = BootstrapInterval.ofMean(sample, RESAMPLES, 0.95, RandomSource.seeded(12));

        assertThat(interval.lower()).isCloseTo(mean - halfWidth, within(NORMAL_TOLERANCE * plugInSigma));
        assertThat(interval.upper()).isCloseTo(mean + halfWidth, within(NORMAL_TOLERANCE * plugInSigma));
        assertThat(interval.confidence()).isEqualTo(0.95);
    }

    @Test
    void tinySampleMatchesTheEnumeratedBootstrapDistribution()
    {
        // n = 2, sample {0, 1}: the 4 equally likely resamples give means 0 (1/4), 0.5 (1/2), 1 (1/4).
        // The 10 % and 90 % quantiles lie inside the outer atoms, the 30 % and 70 % inside the middle one.
        double[] sample = {0, 1};

        ConfidenceInterval wide = BootstrapInterval.ofMean(sample, 20_000, 0.8, RandomSource.seeded(3));
        ConfidenceInterval narrow = BootstrapInterval.ofMean(sample, 20_000, 0.4, RandomSource.seeded(3));

        assertThat(wide.lower()).isEqualTo(0.0);
        assertThat(wide.upper()).isEqualTo(1.0);
        assertThat(narrow.lower()).isEqualTo(0.5);
        assertThat(narrow.upper()).isEqualTo(0.5);
    }

    @Test
    void sameStreamGivesTheSameIntervalAndConstantDataCollapse()
    {
        double[] sample = {0.1, 0.4, 0.35, 0.2, 0.05};

        assertThat(BootstrapInterval.ofMean(sample, 1000, 0.95, RandomSource.seeded(5)))
                .isEqualTo(BootstrapInterval.ofMean(sample, 1000, 0.95, RandomSource.seeded(5)));
        ConfidenceInterval constant = BootstrapInterval.ofMean(new double[] {0.3, 0.3, 0.3}, 100, 0.95, RandomSource.seeded(5));
        assertThat(constant.lower()).isEqualTo(0.3);
        assertThat(constant.upper()).isEqualTo(0.3);
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics()
    {
        // h = (5 − 1)·0.3 = 1.2 → 10 + 0.2·(20 − 10) = 12; p = 1 → the maximum
        double[] sorted = {0, 10, 20, 30, 40};

        assertThat(BootstrapInterval.quantile(sorted, 0.3)).isCloseTo(12.0, within(1e-12));
        assertThat(BootstrapInterval.quantile(sorted, 1.0)).isEqualTo(40.0);
        assertThat(BootstrapInterval.quantile(sorted, 0.0)).isEqualTo(0.0);
    }

    @Test
    void rejectsBadArguments()
    {
        assertThatThrownBy(() -> BootstrapInterval.ofMean(new double[0], 10, 0.95, RandomSource.seeded(1))).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> BootstrapInterval.ofMean(new double[] {1}, 0, 0.95, RandomSource.seeded(1))).hasMessageContaining("resamples must be ≥ 1; got 0");
        assertThatThrownBy(() -> BootstrapInterval.ofMean(new double[] {1}, 10, 1.0, RandomSource.seeded(1))).hasMessageContaining("confidence must be in (0, 1); got 1.0");
    }
}
