package org.bomrl.api.policy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

final class TabularSoftmaxPolicyTest
{
    @Test
    void probabilitiesAreTheRowSoftmaxEvenForHugeLogits()
    {
        TabularSoftmaxPolicy policy = TabularSoftmaxPolicy.of(2, 2, new double[] {0, Math.log(3), 1000, 1000});

        assertThat(policy.probability(0, 1)).isCloseTo(0.75, within(1e-15));
        assertThat(policy.probability(1, 0)).isEqualTo(0.5);
        assertThatThrownBy(() -> TabularSoftmaxPolicy.of(1, 2, new double[] {0, Double.NaN})).hasMessageContaining("θ[s=0, a=1] is not finite");
    }

    @Test
    void samplingFollowsTheProbabilities()
    {
        TabularSoftmaxPolicy policy = TabularSoftmaxPolicy.fromProbabilities(1, 3, new double[] {0.2, 0.5, 0.3}, 1e-12);
        SplittableRandom random = new SplittableRandom(5);
        int[] counts = new int[3];
        for (int i = 0; i < 100_000; i++) {
            counts[policy.sample(0, random)]++;
        }
        // standard error of a frequency ≈ 0.0016
        assertThat(counts[0] / 1e5).isCloseTo(0.2, within(0.01));
        assertThat(counts[1] / 1e5).isCloseTo(0.5, within(0.01));
        assertThat(counts[2] / 1e5).isCloseTo(0.3, within(0.01));
    }
}
