package org.bomrl.numerics.neural;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ObservationNormaliserTest
{
    /** Welford and the two-pass formulas differ by rounding only: relative 1e-12 over 2000 pushes of O(100) values. */
    private static final double RELATIVE_TOLERANCE = 1e-12;
    private static final int PUSHES = 2000;
    private static final double[] SCALES = {1, 100, 0.01};
    private static final double[] CENTRES = {3, -50, 0.5};

    private final SplittableRandom random = RandomSource.seeded(17).derive("normaliser").generator();

    @Test
    void meanAndStdMatchTwoPassFormulas()
    {
        double[][] xs = observations(PUSHES);
        ObservationNormaliser filter = new ObservationNormaliser(3);
        for (double[] x : xs) {
            filter.push(x);
        }
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (double[] x : xs) {
                mean += x[d];
            }
            mean /= PUSHES;
            double squares = 0;
            for (double[] x : xs) {
                squares += (x[d] - mean) * (x[d] - mean);
            }
            double std = Math.sqrt(squares / (PUSHES - 1));
            assertThat(filter.mean()[d]).isCloseTo(mean, within(RELATIVE_TOLERANCE * Math.abs(mean)));
            assertThat(filter.std()[d]).isCloseTo(std, within(RELATIVE_TOLERANCE * std));
            assertThat(filter.sumOfSquaredDeviations()[d]).isCloseTo(squares, within(RELATIVE_TOLERANCE * squares));
        }
        assertThat(filter.count()).isEqualTo(PUSHES);
    }

    @Test
    void normalisesAndClipsAtFive()
    {
        ObservationNormaliser filter = new ObservationNormaliser(3);
        for (double[] x : observations(PUSHES)) {
            filter.push(x);
        }
        double[] mean = filter.mean();
        double[] std = filter.std();
        double[] in = {mean[0] + 2 * std[0], mean[1] - 7 * std[1], mean[2] + 1e6};
        double[] out = new double[3];
        filter.normalise(in, out);
        assertThat(out[0]).isCloseTo((in[0] - mean[0]) / (std[0] + ObservationNormaliser.EPSILON), within(1e-15));
        assertThat(out[1]).isEqualTo(-5.0);
        assertThat(out[2]).isEqualTo(5.0);
    }

    @Test
    void firstObservationUsesTheZFilterConvention()
    {
        ObservationNormaliser filter = new ObservationNormaliser(2, 10);
        assertThat(filter.std()).containsExactly(0, 0);
        filter.push(new double[] {2, -4});
        // n = 1: mean = x, std = |mean|, so x itself maps to 0 and 0 maps to −m/(|m| + ε)
        assertThat(filter.std()).containsExactly(2, 4);
        double[] out = new double[2];
        filter.normalise(new double[] {0, 0}, out);
        assertThat(out).containsExactly(new double[] {-2 / (2 + 1e-8), 4 / (4 + 1e-8)}, within(1e-15));
    }

    @Test
    void restoredFilterContinuesBitForBit()
    {
        double[][] xs = observations(300);
        ObservationNormaliser original = new ObservationNormaliser(3);
        for (int i = 0; i < 100; i++) {
            original.push(xs[i]);
        }
        ObservationNormaliser restored = ObservationNormaliser.restore(3, original.clip(), original.count(), original.mean(), original.sumOfSquaredDeviations());
        for (int i = 100; i < 300; i++) {
            original.push(xs[i]);
            restored.push(xs[i]);
        }
        assertThat(restored.mean()).isEqualTo(original.mean());
        assertThat(restored.sumOfSquaredDeviations()).isEqualTo(original.sumOfSquaredDeviations());
        assertThat(restored.count()).isEqualTo(original.count());
        double[] a = new double[3];
        double[] b = new double[3];
        original.normalise(xs[0], a);
        restored.normalise(xs[0], b);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void rejectsBadInput()
    {
        ObservationNormaliser filter = new ObservationNormaliser(3);
        assertThatThrownBy(() -> filter.push(new double[2])).hasMessage("observation must have 3 entries: 2");
        assertThatThrownBy(() -> new ObservationNormaliser(0)).hasMessage("dimension must be positive: 0");
        assertThatThrownBy(() -> new ObservationNormaliser(2, 0)).hasMessageContaining("clip must be positive");
        assertThatThrownBy(() -> ObservationNormaliser.restore(1, 5, 3, new double[] {0}, new double[] {-1}))
                .hasMessage("M2[0] must be finite and non-negative: -1.0");
    }

    private double[][] observations(int count)
    {
        double[][] xs = new double[count][3];
        for (double[] x : xs) {
            for (int d = 0; d < 3; d++) {
                x[d] = CENTRES[d] + SCALES[d] * random.nextGaussian();
            }
        }
        return xs;
    }
}
