package org.bomrl.numerics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RepetitionStatisticsTest
{
    private static final double TOLERANCE = 1e-14;

    @Test
    void meanAndSampleStandardDeviationPerStep()
    {
        // step 0: {1, 2, 3, 4} → mean 2.5, Σ(x − x̄)² = 5, s = √(5/3); step 1: constant 7 → s = 0
        double[][] values = {{1, 7}, {2, 7}, {3, 7}, {4, 7}};

        assertThat(RepetitionStatistics.mean(values)).containsExactly(new double[] {2.5, 7}, within(TOLERANCE));
        assertThat(RepetitionStatistics.sampleStandardDeviation(values)).containsExactly(new double[] {Math.sqrt(5.0 / 3), 0}, within(TOLERANCE));
    }

    @Test
    void aSingleRepetitionHasNoSpread()
    {
        double[][] values = {{0.4, 1.1, 1.5}};

        assertThat(RepetitionStatistics.mean(values)).containsExactly(0.4, 1.1, 1.5);
        assertThat(RepetitionStatistics.sampleStandardDeviation(values)).containsExactly(0, 0, 0);
    }

    @Test
    void raggedOrEmptyInputIsRejected()
    {
        assertThatThrownBy(() -> RepetitionStatistics.mean(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repetition 1 has 1 steps");
        assertThatThrownBy(() -> RepetitionStatistics.sampleStandardDeviation(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
