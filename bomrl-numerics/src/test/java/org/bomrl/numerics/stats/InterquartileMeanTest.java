package org.bomrl.numerics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InterquartileMeanTest
{
    private static final double TOLERANCE = 1e-14;

    @Test
    void trimsAQuarterFromEachEnd()
    {
        // n = 8, sorted −50, 1, 2, 3, 4, 5, 6, 100: t = 2 → (2 + 3 + 4 + 5) / 4 = 3.5
        assertThat(InterquartileMean.of(new double[] {100, 1, 2, 3, 4, 5, 6, -50})).isCloseTo(3.5, within(TOLERANCE));
        // n = 5, sorted 1..5 with an outlier replaced: 1, 2, 3, 4, 90: t = 1 → (2 + 3 + 4) / 3 = 3
        assertThat(InterquartileMean.of(new double[] {90, 1, 4, 2, 3})).isCloseTo(3.0, within(TOLERANCE));
    }

    @Test
    void fewerThanFourValuesGiveTheMean()
    {
        // t = ⌊3/4⌋ = 0 → (0.2 + 0.5 + 2.0) / 3 = 0.9
        assertThat(InterquartileMean.of(new double[] {0.5, 2.0, 0.2})).isCloseTo(0.9, within(TOLERANCE));
        assertThatThrownBy(() -> InterquartileMean.of(new double[0])).hasMessageContaining("at least one value");
    }
}
