package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.DiscreteSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

final class TemporalDifferenceRoundTest
{
    private static final double GAMMA = 0.9;
    private static final int HORIZON = 5;
    private static final double FIXED_POINT_TOLERANCE = 1e-6;

    /** One state, two arms; arm 0 pays 1, arm 1 pays 0. */
    private static final class Bandit
            implements Environment<Integer, Integer>
    {
        private int steps;

        @Override
        public Space observationSpace()
        {
            return new DiscreteSpace(1);
        }

        @Override
        public Space actionSpace()
        {
            return new DiscreteSpace(2);
        }

        @Override
        public Integer reset(long seed)
        {
            steps = 0;
            return 0;
        }

        @Override
        public Step<Integer> step(Integer action)
        {
            steps++;
            return new Step<>(0, action == 0 ? 1 : 0, false, steps == HORIZON);
        }
    }

    @Test
    void expectedSarsaConvergesToTheDiscountedFixedPoint()
    {
        // uniform π: V = 0.5/(1−γ) = 5, Q(0) = 1 + γV = 5.5, Q(1) = γV = 4.5; every TD target is
        // deterministic given Q̂, so Q̂ converges to this fixed point.
        TabularRound round = new TemporalDifferenceRound(4000, HORIZON, GAMMA, 0.05).collect(new Bandit(), TabularSoftmaxPolicy.constant(1, 2, 0), RandomSource.seeded(3));

        assertThat(round.q(0, 0)).isCloseTo(5.5, within(FIXED_POINT_TOLERANCE));
        assertThat(round.q(0, 1)).isCloseTo(4.5, within(FIXED_POINT_TOLERANCE));
        assertThat(round.visitation(0)).isEqualTo(1.0);
        // mean of Σ_{i<5} γ^i r_i with r_i ∼ Bernoulli(1/2): 0.5 (1 − γ^5)/(1 − γ) = 2.04755, sd of the mean ≈ 0.015
        assertThat(round.meanReturn()).isCloseTo(0.5 * (1 - Math.pow(GAMMA, HORIZON)) / (1 - GAMMA), within(0.06));
        assertThat(round.episodes()).isEqualTo(4000);
    }

    @Test
    void sameRandomSourceGivesTheSameRound()
    {
        TemporalDifferenceRound estimator = new TemporalDifferenceRound(50, HORIZON, GAMMA, 0.3);
        TabularSoftmaxPolicy policy = TabularSoftmaxPolicy.of(1, 2, new double[] {0.3, -0.2});
        TabularRound first = estimator.collect(new Bandit(), policy, RandomSource.seeded(11).derive("x"));
        TabularRound second = estimator.collect(new Bandit(), policy, RandomSource.seeded(11).derive("x"));
        TabularRound other = estimator.collect(new Bandit(), policy, RandomSource.seeded(12).derive("x"));

        assertThat(second.q()).containsExactly(first.q());
        assertThat(second.meanReturn()).isEqualTo(first.meanReturn());
        assertThat(other.meanReturn()).isNotEqualTo(first.meanReturn());
    }
}
