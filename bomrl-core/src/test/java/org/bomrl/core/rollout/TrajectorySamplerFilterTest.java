package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.PolicyClass;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rounds under a frozen observation filter (spec §5b): the policy sees, and the batch stores,
 * clip((x − m)/(s + ε), ±c) of every raw observation x with the snapshot's m and s (checked against
 * the closed form on the recorded raw observations), rows and final observations alike; the round's
 * statistics equal a two-pass computation over every raw observation the environments returned,
 * the bootstrap continuation's included; lockstep and sequential rounds agree bit for bit; the
 * identity filter changes nothing.
 */
final class TrajectorySamplerFilterTest
{
    private static final double TOLERANCE = 1e-12;
    private static final double EPSILON = 1e-8;
    /** Snapshot: m = 0.2, s = 0.3 (n = 50, M2 = 49·0.09); clip 2, so walks beyond x = 0.8 are clipped. */
    private static final double MEAN = 0.2;
    private static final double STD = 0.3;
    private static final double CLIP = 2;
    private static final ObservationFilter.Frozen FILTER = new ObservationFilter.Frozen(CLIP,
            new ObservationStatistics(50, new double[] {MEAN}, new double[] {49 * STD * STD}));

    private final TrajectorySampler sampler = new TrajectorySampler(9, 30, 20, 0.97);

    @Test
    void batchHoldsTheClippedNormalisedObservationsOfTheRawOnes()
    {
        for (PolicyClass policy : List.of(new FixedGaussianPolicy(0.4), drifting())) {
            RecordingTask task = new RecordingTask(new RandomWalkTask(0.5, 60, 4.0));
            double[] theta = policy instanceof GaussianMlpPolicy mlp ? driftingTheta(mlp) : new double[] {0.05, 0.1};

            Rollouts rollouts = sampler.collect(task, policy, theta, FILTER, RandomSource.seeded(21));

            TrajectoryBatch batch = rollouts.batch();
            List<List<double[]>> raw = task.episodes();
            assertThat(raw).hasSize(batch.episodes());
            int clipped = 0;
            int continued = 0;
            for (int e = 0; e < batch.episodes(); e++) {
                int length = batch.episodeStart(e + 1) - batch.episodeStart(e);
                continued += raw.get(e).size() > length + 1 ? 1 : 0;
                assertThat(raw.get(e).size()).as("episode %d records its states and continuation", e).isGreaterThanOrEqualTo(length + 1);
                for (int t = 0; t < length; t++) {
                    double stored = batch.observations()[batch.episodeStart(e) + t];
                    assertThat(stored).isCloseTo(normalised(raw.get(e).get(t)[0]), within(TOLERANCE));
                    clipped += Math.abs(stored) == CLIP ? 1 : 0;
                }
                assertThat(batch.finalObservations()[e]).isCloseTo(normalised(raw.get(e).get(length)[0]), within(TOLERANCE));
            }
            for (double value : batch.observations()) {
                assertThat(value).isBetween(-CLIP, CLIP);
            }
            assertThat(clipped).as("rows at the clip").isPositive();
            assertThat(continued).as("episodes whose continuation states count").isPositive();
            assertTwoPass(rollouts.observed().get(), raw);
        }
    }

    @Test
    void lockstepEqualsSequentialUnderTheFilterBitForBit()
    {
        GaussianMlpPolicy policy = drifting();
        double[] theta = driftingTheta(policy);
        RandomWalkTask task = new RandomWalkTask(0.5, 45, 4.0);

        Rollouts sequential = sampler.collectSequentially(task, policy, theta, FILTER, RandomSource.seeded(5));
        Rollouts lockstep = sampler.collectInLockstep(task, policy, theta, FILTER, RandomSource.seeded(5));

        assertThat(lockstep.batch().observations()).containsExactly(sequential.batch().observations());
        assertThat(lockstep.batch().finalObservations()).containsExactly(sequential.batch().finalObservations());
        assertThat(lockstep.batch().actions()).containsExactly(sequential.batch().actions());
        assertThat(lockstep.tailReturns()).containsExactly(sequential.tailReturns());
        assertThat(lockstep.observed().get()).isEqualTo(sequential.observed().get());
    }

    @Test
    void identityFilterRecordsNothingAndChangesNothing()
    {
        GaussianMlpPolicy policy = drifting();
        double[] theta = driftingTheta(policy);
        RandomWalkTask task = new RandomWalkTask(0.5, 45, 4.0);

        Rollouts plain = sampler.collect(task, policy, theta, RandomSource.seeded(5));
        Rollouts identity = sampler.collect(task, policy, theta, ObservationFilter.identity(), RandomSource.seeded(5));

        assertThat(identity.observed().isEmpty()).isTrue();
        assertThat(identity.batch().observations()).containsExactly(plain.batch().observations());
        assertThat(identity.batch().actions()).containsExactly(plain.batch().actions());
        assertThat(identity.tailReturns()).containsExactly(plain.tailReturns());
    }

    private static double normalised(double x)
    {
        return Math.max(-CLIP, Math.min(CLIP, (x - MEAN) / (STD + EPSILON)));
    }

    /** n, mean and M2 by two passes over every recorded observation. */
    static void assertTwoPass(ObservationStatistics statistics, List<List<double[]>> raw)
    {
        List<double[]> all = raw.stream().flatMap(List::stream).toList();
        double sum = 0;
        for (double[] x : all) {
            sum += x[0];
        }
        double mean = sum / all.size();
        double m2 = 0;
        for (double[] x : all) {
            m2 += (x[0] - mean) * (x[0] - mean);
        }
        assertThat(statistics.count()).isEqualTo(all.size());
        assertThat(statistics.mean()[0]).isCloseTo(mean, within(TOLERANCE));
        assertThat(statistics.sumOfSquaredDeviations()[0]).isCloseTo(m2, within(TOLERANCE * Math.max(1, m2)));
    }

    private static GaussianMlpPolicy drifting()
    {
        return GaussianMlpPolicy.tanh(1, 1, 8, 8);
    }

    /** Initial parameters with an output bias that drifts the walk into the wall and beyond the clip. */
    private static double[] driftingTheta(GaussianMlpPolicy policy)
    {
        double[] theta = policy.initialParameters(RandomSource.seeded(3));
        theta[policy.biasOffset(policy.layerCount() - 1)] = 0.12;
        return theta;
    }
}
