package org.bomrl.api.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TabularMdpTest
{
    private static final double[] CHAIN = {0.5, 0.5, 1, 0, 0, 1, 0, 1};
    private static final double[] REWARDS = {0, 1, 2, 3, 4, 5, 6, 7};

    @Test
    void accessorsFollowTheDocumentedLayout()
    {
        TabularMdp mdp = new TabularMdp(2, 2, CHAIN, REWARDS, 0.9, TabularMdp.INFINITE_HORIZON, new double[] {1, 0});

        assertThat(mdp.transition(0, 0, 1)).isEqualTo(0.5);
        assertThat(mdp.transition(1, 0, 1)).isEqualTo(1);
        assertThat(mdp.reward(0, 1, 0)).isEqualTo(2);
        assertThat(mdp.expectedReward(0, 0)).isEqualTo(0.5);
        assertThat(mdp.finiteHorizon()).isFalse();
        assertThat(mdp.transitions()).containsExactly(CHAIN);
    }

    @Test
    void invalidModelsAreRejectedWithTheOffendingPart()
    {
        double[] leaky = CHAIN.clone();
        leaky[0] = 0.4;
        assertThatThrownBy(() -> new TabularMdp(2, 2, leaky, REWARDS, 0.9, 10, new double[] {1, 0})).hasMessageContaining("P(.|s=0,a=0) sums to 0.9");
        assertThatThrownBy(() -> new TabularMdp(2, 2, CHAIN, REWARDS, 1.0, TabularMdp.INFINITE_HORIZON, new double[] {1, 0})).hasMessageContaining("gamma < 1");
        assertThatThrownBy(() -> new TabularMdp(2, 2, CHAIN, REWARDS, 0.9, 10, new double[] {0.5, 0.6})).hasMessageContaining("initial distribution sums to");
        assertThatThrownBy(() -> new TabularMdp(2, 2, CHAIN, new double[3], 0.9, 10, new double[] {1, 0})).hasMessageContaining("wrong sizes");
    }

    @Test
    void fixedDistributionsValidateTheirTaskLists()
    {
        assertThatThrownBy(() -> FixedTaskDistribution.of(java.util.List.<Task<Integer, Integer>>of(), "abc")).hasMessageContaining("needs train and test tasks");
        assertThat(Fingerprint.of("a", 1)).hasSize(16).isNotEqualTo(Fingerprint.of("a1")).isEqualTo(Fingerprint.of("a", 1));
    }
}
