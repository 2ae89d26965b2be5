package org.bomrl.api.context;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

final class RandomSourceTest
{
    @Test
    void streamsDependOnlyOnSeedAndAddress()
    {
        RandomSource root = RandomSource.seeded(42);

        assertThat(root.derive("task").derive(3).generator().nextLong()).isEqualTo(RandomSource.seeded(42).derive("task").derive(3).generator().nextLong());
        assertThat(root.derive("task").derive(3).seed()).isEqualTo(RandomSource.seeded(42).derive("task").derive(3).seed());
        assertThat(root.derive("task").derive(3).generator().nextLong()).isNotEqualTo(root.derive("task").derive(4).generator().nextLong());
        assertThat(root.derive("a").derive("b").seed()).isNotEqualTo(root.derive("b").derive("a").seed());
        assertThat(root.derive("ab").seed()).isNotEqualTo(root.derive("a").derive("b").seed());
        assertThat(RandomSource.seeded(43).derive("task").seed()).isNotEqualTo(root.derive("task").seed());
    }

    @Test
    void siblingStreamsDoNotCollide()
    {
        RandomSource root = RandomSource.seeded(1);
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seeds.add(root.derive(i).seed());
        }
        assertThat(seeds).hasSize(10_000);
        // a uniform stream: the mean of many draws is near 1/2 (standard error ≈ 0.0029)
        double sum = 0;
        var generator = root.derive("uniform").generator();
        for (int i = 0; i < 10_000; i++) {
            sum += generator.nextDouble();
        }
        assertThat(sum / 10_000).isBetween(0.49, 0.51);
    }
}
