package org.bomrl.numerics.stats;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedPermutationTestTest
{
    private static final int EXACT = 1 << 20;
    /** About 4 binomial standard deviations of a p-value estimated from 20 000 patterns. */
    private static final double MONTE_CARLO_TOLERANCE = 0.015;

    @Test
    void exactEnumerationMatchesHandCounts()
    {
        // d = (1, 2, 3): the 8 signed sums are ±6, ±4, ±2, 0, 0; |Σ| ≥ 6 for 2 → p = 2/8
        assertThat(PairedPermutationTest.twoSidedPValue(new double[] {1, 2, 3}, new double[] {0, 0, 0}, EXACT, RandomSource.seeded(1))).isEqualTo(0.25);
        // d = (1, −1, 2), observed 2: sums 2, 0, 4, −2, 2, −4, 0, −2; |Σ| ≥ 2 for 6 → p = 6/8
        assertThat(PairedPermutationTest.twoSidedPValue(new double[] {1.5, 0, 3}, new double[] {0.5, 1, 1}, EXACT, RandomSource.seeded(1))).isEqualTo(0.75);
        // identical methods: every pattern ties → p = 1
        assertThat(PairedPermutationTest.twoSidedPValue(new double[] {0.3, 0.4}, new double[] {0.3, 0.4}, EXACT, RandomSource.seeded(1))).isEqualTo(1.0);
    }

    @Test
    void randomPatternsApproachTheExactPValue()
    {
        SplittableRandom draws = RandomSource.seeded(8).derive("data").generator();
        double[] a = new double[18];
        double[] b = new double[18];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.2 + draws.nextGaussian();
            b[i] = draws.nextGaussian();
        }
        double exact = PairedPermutationTest.twoSidedPValue(a, b, EXACT, RandomSource.seeded(2));

        double sampled = PairedPermutationTest.twoSidedPValue(a, b, 20_000, RandomSource.seeded(2));

        assertThat(sampled).isCloseTo(exact, within(MONTE_CARLO_TOLERANCE));
    }

    @Test
    void rejectsUnpairedSamples()
    {
        assertThatThrownBy(() -> PairedPermutationTest.twoSidedPValue(new double[] {1}, new double[] {1, 2}, 10, RandomSource.seeded(1)))
                .hasMessageContaining("got 1 and 2");
    }
}
