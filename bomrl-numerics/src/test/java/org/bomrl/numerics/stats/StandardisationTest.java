package org.bomrl.numerics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Standardisation: mean 0 and population standard deviation 1 (up to ε), invariant to a positive affine change, a constant batch to zeros, the input untouched. */
final class StandardisationTest
{
    @Test
    void hasMeanZeroUnitStandardDeviationAndIgnoresAPositiveAffineChange()
    {
        double[] advantages = {3.0, -1.5, 0.25, 7.0, 2.0};

        double[] standardised = Standardisation.standardised(advantages);

        double mean = 0;
        double squares = 0;
        for (double value : standardised) {
            mean += value / standardised.length;
        }
        for (double value : standardised) {
            squares += (value - mean) * (value - mean) / standardised.length;
        }
        assertThat(mean).isCloseTo(0, within(1e-15));
        assertThat(Math.sqrt(squares)).isCloseTo(1, within(1e-8));
        double[] affine = new double[advantages.length];
        for (int i = 0; i < affine.length; i++) {
            affine[i] = 4 * advantages[i] - 11;
        }
        double[] again = Standardisation.standardised(affine);
        for (int i = 0; i < again.length; i++) {
            assertThat(again[i]).isCloseTo(standardised[i], within(1e-8));
        }
        assertThat(Standardisation.standardised(new double[] {2.5, 2.5, 2.5})).containsExactly(0, 0, 0);
        assertThat(advantages).containsExactly(3.0, -1.5, 0.25, 7.0, 2.0);
    }
}
