package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Generalised advantage estimation and the linear feature baseline against their definitions (spec §7.3). */
final class GeneralizedAdvantagesTest
{
    private static final double GAMMA = 0.9;
    private static final double EXACT = 1e-12;

    private final Rollouts rollouts = new TrajectorySampler(4, 8, 0, GAMMA).collect(new RandomWalkTask(0.5, 100, 1.5), new FixedGaussianPolicy(0.4), new double[] {0.1, 0.2},
            RandomSource.seeded(21));

    @Test
    void lambdaOneWithAZeroBaselineGivesTheMonteCarloReturns()
    {
        double[] zero = new double[rollouts.batch().steps()];
        double[] advantages = new GeneralizedAdvantages(GAMMA, 1, false).estimate(rollouts, zero);
        double[] returns = MonteCarloAdvantages.returns(rollouts, GAMMA);
        for (int i = 0; i < returns.length; i++) {
            assertThat(advantages[i]).isCloseTo(returns[i], within(EXACT));
        }
    }

    @Test
    void lambdaZeroGivesTheOneStepTemporalDifference()
    {
        TrajectoryBatch batch = rollouts.batch();
        double[] values = new double[batch.steps()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        double[] advantages = new GeneralizedAdvantages(GAMMA, 0, false).estimate(rollouts, values);
        for (int e = 0; e < batch.episodes(); e++) {
            int last = batch.episodeStart(e + 1) - 1;
            for (int i = batch.episodeStart(e); i < last; i++) {
                assertThat(advantages[i]).isCloseTo(batch.rewards()[i] + GAMMA * values[i + 1] - values[i], within(EXACT));
            }
            double next = batch.terminated()[last] ? 0 : values[last];
            assertThat(advantages[last]).isCloseTo(batch.rewards()[last] + GAMMA * next - values[last], within(EXACT));
        }
    }

    @Test
    void theLinearBaselineReproducesReturnsThatAreLinearInItsFeatures()
    {
        // 150-step episodes, so that the time features t, t², t³ (t = step/100) are well apart
        TrajectoryBatch batch = new TrajectorySampler(6, 150, 0, GAMMA).collect(new RandomWalkTask(0.5, 1000, 0), new FixedGaussianPolicy(0.4), new double[] {-0.2, 0.1},
                RandomSource.seeded(22)).batch();
        double[] target = new double[batch.steps()];
        for (int e = 0; e < batch.episodes(); e++) {
            for (int i = batch.episodeStart(e); i < batch.episodeStart(e + 1); i++) {
                double s = batch.observations()[i];
                double t = (i - batch.episodeStart(e)) / 100.0;
                target[i] = 2 - 3 * s + 0.5 * s * s + 7 * t - 4 * t * t;
            }
        }
        double[] fitted = LinearFeatureBaseline.fitAndPredict(batch, target);
        for (int i = 0; i < target.length; i++) {
            assertThat(fitted[i]).as("row %d", i).isCloseTo(target[i], within(1e-4));
        }
    }

    @Test
    void standardisedAdvantagesHaveZeroMeanAndUnitSpread()
    {
        double[] advantages = new GeneralizedAdvantages(GAMMA, 0.95, true).advantages(rollouts);
        double mean = 0;
        for (double value : advantages) {
            mean += value / advantages.length;
        }
        double variance = 0;
        for (double value : advantages) {
            variance += (value - mean) * (value - mean) / advantages.length;
        }
        assertThat(mean).isCloseTo(0, within(1e-12));
        assertThat(variance).isCloseTo(1, within(1e-6));
    }
}
