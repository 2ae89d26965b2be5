package org.bomrl.core.loop;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.ObservationNormaliser;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The parallel-variance merge of observation statistics against a two-pass computation over the
 * concatenated samples; merging an empty set is exact; a batch's statistics cover its rows and its
 * final observations; invalid states are refused.
 */
final class ObservationStatisticsTest
{
    private static final double TOLERANCE = 1e-11;
    private static final int DIMENSION = 3;

    @Test
    void mergedChunksEqualTheTwoPassStatisticsOfTheirUnion()
    {
        SplittableRandom random = RandomSource.seeded(7).generator();
        int[] sizes = {1, 17, 2, 250, 40};
        double[][] rows = new double[java.util.Arrays.stream(sizes).sum()][DIMENSION];
        ObservationStatistics merged = ObservationStatistics.empty(DIMENSION);
        int next = 0;
        for (int size : sizes) {
            ObservationNormaliser chunk = new ObservationNormaliser(DIMENSION);
            for (int i = 0; i < size; i++) {
                double[] x = {3 + 0.5 * random.nextGaussian(), -20 + 4 * random.nextGaussian(), random.nextDouble(-1, 1) * 1e3};
                rows[next++] = x;
                chunk.push(x);
            }
            merged = merged.merge(ObservationStatistics.of(chunk));
        }
        assertTwoPass(merged, rows);
    }

    @Test
    void mergingAnEmptySetReturnsTheOtherExactly()
    {
        ObservationStatistics some = new ObservationStatistics(4, new double[] {0.1, 0.2, 0.3}, new double[] {1, 2, 3});
        ObservationStatistics empty = ObservationStatistics.empty(DIMENSION);
        assertThat(empty.merge(some)).isEqualTo(some);
        assertThat(some.merge(empty)).isEqualTo(some);
    }

    @Test
    void batchStatisticsCoverRowsAndFinalObservations()
    {
        double[] observations = {1, 10, 2, 20, 3, 30};
        double[] finals = {4, 40, 5, 50};
        TrajectoryBatch batch = new TrajectoryBatch("t", 2, 1, new int[] {0, 2, 3}, observations, new double[3], new double[3], new double[3], new boolean[3],
                new boolean[3], finals);
        double[][] all = {{1, 10}, {2, 20}, {4, 40}, {3, 30}, {5, 50}};
        assertTwoPass(ObservationStatistics.ofBatch(batch), all);
    }

    @Test
    void invalidStatisticsAreRefused()
    {
        assertThatThrownBy(() -> new ObservationStatistics(-1, new double[1], new double[1])).hasMessageContaining("count");
        assertThatThrownBy(() -> new ObservationStatistics(3, new double[1], new double[] {-1})).hasMessageContaining("M2");
        assertThatThrownBy(() -> new ObservationStatistics(0, new double[] {1}, new double[1])).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObservationStatistics.empty(2).merge(ObservationStatistics.empty(3))).hasMessageContaining("3 coordinates into 2");
        assertThatThrownBy(() -> new ObservationFilter.Frozen(0, ObservationStatistics.empty(1))).hasMessageContaining("clip");
    }

    private static void assertTwoPass(ObservationStatistics statistics, double[][] rows)
    {
        assertThat(statistics.count()).isEqualTo(rows.length);
        for (int j = 0; j < DIMENSION && j < rows[0].length; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double mean = sum / rows.length;
            double m2 = 0;
            for (double[] row : rows) {
                m2 += (row[j] - mean) * (row[j] - mean);
            }
            assertThat(statistics.mean()[j]).as("mean[%d]", j).isCloseTo(mean, within(TOLERANCE * Math.max(1, Math.abs(mean))));
            assertThat(statistics.sumOfSquaredDeviations()[j]).as("M2[%d]", j).isCloseTo(m2, within(TOLERANCE * Math.max(1, m2)));
        }
    }
}
