package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rounds of trajectories: seeded, bounded by the horizon, with the bootstrap tail and Monte-Carlo advantages of spec §5b. */
final class TrajectorySamplerTest
{
    private static final double GAMMA = 0.9;
    private final FixedGaussianPolicy policy = new FixedGaussianPolicy(0.3);
    private final double[] theta = {-0.5, 0.1};

    @Test
    void equalStreamsGiveEqualBatchesAndOtherStreamsDiffer()
    {
        TrajectorySampler sampler = new TrajectorySampler(4, 10, 5, GAMMA);
        RandomWalkTask task = new RandomWalkTask(0.5, 100, 0);
        Rollouts first = sampler.collect(task, policy, theta, RandomSource.seeded(3));
        Rollouts second = sampler.collect(task, policy, theta, RandomSource.seeded(3));
        Rollouts other = sampler.collect(task, policy, theta, RandomSource.seeded(4));
        assertThat(first.batch().actions()).containsExactly(second.batch().actions());
        assertThat(first.tailReturns()).containsExactly(second.tailReturns());
        assertThat(other.batch().actions()).isNotEqualTo(first.batch().actions());
    }

    @Test
    void batchHoldsTheHorizonPerEpisodeWithDataLogProbabilitiesAndTruncation()
    {
        TrajectorySampler sampler = new TrajectorySampler(3, 10, 0, GAMMA);
        TrajectoryBatch batch = sampler.collect(new RandomWalkTask(0.5, 100, 0), policy, theta, RandomSource.seeded(5)).batch();
        assertThat(batch.episodes()).isEqualTo(3);
        assertThat(batch.steps()).isEqualTo(30);
        for (int i = 0; i < batch.steps(); i++) {
            double[] s = {batch.observations()[i]};
            double[] a = {batch.actions()[i]};
            assertThat(batch.dataLogProbabilities()[i]).isCloseTo(policy.logProbability(theta, s, a), within(1e-12));
            assertThat(batch.truncated()[i]).isEqualTo(i % 10 == 9);
            // the reward is that of the entered state: x' = x + a
            assertThat(batch.rewards()[i]).isCloseTo(-Math.abs(s[0] + a[0] - 0.5), within(1e-12));
        }
    }

    @Test
    void terminatedEpisodesEndEarlyAndGetNoBootstrapTail()
    {
        TrajectorySampler sampler = new TrajectorySampler(20, 50, 50, GAMMA);
        Rollouts rollouts = sampler.collect(new RandomWalkTask(0.0, 1000, 1.2), new FixedGaussianPolicy(0.3), new double[] {0.0, 0.4}, RandomSource.seeded(8));
        TrajectoryBatch batch = rollouts.batch();
        int terminatedEpisodes = 0;
        for (int e = 0; e < batch.episodes(); e++) {
            int last = batch.episodeStart(e + 1) - 1;
            if (batch.terminated()[last]) {
                terminatedEpisodes++;
                assertThat(rollouts.tailReturns()[e]).isZero();
            }
            else {
                assertThat(last - batch.episodeStart(e)).isEqualTo(49);
                assertThat(rollouts.tailReturns()[e]).isNegative();
            }
        }
        assertThat(terminatedEpisodes).as("drift 0.4 per step reaches the wall within 50 steps").isGreaterThan(0);
    }

    @Test
    void monteCarloReturnsAreDiscountedSumsPlusTheDiscountedTailAndAdvantagesAreCentred()
    {
        TrajectorySampler sampler = new TrajectorySampler(3, 6, 4, GAMMA);
        Rollouts rollouts = sampler.collect(new RandomWalkTask(0.5, 100, 0), policy, theta, RandomSource.seeded(9));
        TrajectoryBatch batch = rollouts.batch();
        double[] q = MonteCarloAdvantages.returns(rollouts, GAMMA);
        for (int e = 0; e < batch.episodes(); e++) {
            int end = batch.episodeStart(e + 1);
            for (int i = batch.episodeStart(e); i < end; i++) {
                double expected = 0;
                double discount = 1;
                for (int j = i; j < end; j++) {
                    expected += discount * batch.rewards()[j];
                    discount *= GAMMA;
                }
                expected += discount * rollouts.tailReturns()[e];
                assertThat(q[i]).isCloseTo(expected, within(1e-12));
            }
        }
        double[] advantages = MonteCarloAdvantages.advantages(rollouts, GAMMA);
        double mean = 0;
        for (int i = 0; i < q.length; i++) {
            mean += advantages[i] / q.length;
            assertThat(q[i] - advantages[i]).isCloseTo(q[0] - advantages[0], within(1e-12));
        }
        assertThat(mean).isCloseTo(0, within(1e-12));
    }
}
