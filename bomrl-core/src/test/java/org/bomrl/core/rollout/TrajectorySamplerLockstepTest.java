package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockstep sampler (all episodes of a round stepping together with one batched policy pass per
 * step) against the episode-after-episode reference, bit for bit: on a random walk with a drifting
 * MLP policy, episodes terminate at the wall during the horizon and during the bootstrap
 * continuation, and others are truncated by the environment's own limit within the continuation;
 * the number of episodes still running falls below the kernels' packing threshold.
 */
final class TrajectorySamplerLockstepTest
{
    @ParameterizedTest
    @CsvSource({"20, 30, 40, 45", "3, 10, 10, 15", "1, 25, 0, 100", "9, 40, 40, 200"})
    void lockstepRoundEqualsTheSequentialRoundBitForBit(int episodes, int horizon, int bootstrap, int limit)
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(1, 1, 8, 8);
        double[] theta = policy.initialParameters(RandomSource.seeded(3));
        theta[policy.biasOffset(policy.layerCount() - 1)] = 0.06;
        TrajectorySampler sampler = new TrajectorySampler(episodes, horizon, bootstrap, 0.97);
        RandomWalkTask task = new RandomWalkTask(0.5, limit, 4.0);

        Rollouts sequential = sampler.collectSequentially(task, policy, theta, RandomSource.seeded(11));
        Rollouts lockstep = sampler.collectInLockstep(task, policy, theta, RandomSource.seeded(11));

        TrajectoryBatch expected = sequential.batch();
        TrajectoryBatch actual = lockstep.batch();
        for (int e = 0; e <= expected.episodes(); e++) {
            assertThat(actual.episodeStart(e)).as("start of episode %d", e).isEqualTo(expected.episodeStart(e));
        }
        assertThat(actual.observations()).containsExactly(expected.observations());
        assertThat(actual.actions()).containsExactly(expected.actions());
        assertThat(actual.rewards()).containsExactly(expected.rewards());
        assertThat(actual.dataLogProbabilities()).containsExactly(expected.dataLogProbabilities());
        assertThat(actual.terminated()).containsExactly(expected.terminated());
        assertThat(actual.truncated()).containsExactly(expected.truncated());
        assertThat(lockstep.tailReturns()).containsExactly(sequential.tailReturns());
        assertThat(sampler.collect(task, policy, theta, RandomSource.seeded(11)).batch().actions()).containsExactly(expected.actions());
    }

    @ParameterizedTest
    @CsvSource({"20, 30, 40, 45"})
    void theCasesOccur(int episodes, int horizon, int bootstrap, int limit)
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(1, 1, 8, 8);
        double[] theta = policy.initialParameters(RandomSource.seeded(3));
        theta[policy.biasOffset(policy.layerCount() - 1)] = 0.06;
        Rollouts rollouts = new TrajectorySampler(episodes, horizon, bootstrap, 0.97).collectSequentially(new RandomWalkTask(0.5, limit, 4.0), policy, theta,
                RandomSource.seeded(11));
        TrajectoryBatch batch = rollouts.batch();
        int terminatedInHorizon = 0;
        int continued = 0;
        for (int e = 0; e < batch.episodes(); e++) {
            int last = batch.episodeStart(e + 1) - 1;
            terminatedInHorizon += batch.terminated()[last] ? 1 : 0;
            continued += batch.terminated()[last] ? 0 : 1;
        }
        assertThat(terminatedInHorizon).as("episodes that hit the wall within the horizon").isBetween(1, episodes - 4);
        assertThat(continued).as("episodes with a continuation").isGreaterThan(4);
    }
}
