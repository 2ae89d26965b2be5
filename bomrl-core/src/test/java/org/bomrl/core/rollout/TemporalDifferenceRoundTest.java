package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

final class TemporalDifferenceRoundTest
{
    private static final double GAMMA = 0.9;
    private static final int HORIZON = 5;
    private static final double FIXED_POINT_TOLERANCE = 1e-6;

    /** The example plugin's bandit task {@code left}: one state, arm 0 pays 1, arm 1 pays 0, 5 pulls, γ = 0.9. */
    private static Environment<Integer, Integer> bandit()
    {
        PluginRegistry registry = PluginRegistry.load(TemporalDifferenceRoundTest.class.getClassLoader());
        EnvironmentFactory factory = (EnvironmentFactory) registry.find("env.example.bandit").orElseThrow().factory();
        @SuppressWarnings("unchecked")
        TaskDistribution<Integer, Integer> distribution = (TaskDistribution<Integer, Integer>) factory.create(MapSettings.of("environment", Map.of(), factory.settings()),
                new RunContext(RandomSource.seeded(1), name -> {
                    throw new IllegalArgumentException(name);
                }));
        return distribution.trainTasks().get(0).newEnvironment();
    }

    @Test
    void expectedSarsaConvergesToTheDiscountedFixedPoint()
    {
        // uniform π: V = 0.5/(1−γ) = 5, Q(0) = 1 + γV = 5.5, Q(1) = γV = 4.5; every TD target is
        // deterministic given Q̂, so Q̂ converges to this fixed point.
        TabularRound round = new TemporalDifferenceRound(4000, HORIZON, GAMMA, 0.05).collect(bandit(), TabularSoftmaxPolicy.constant(1, 2, 0), RandomSource.seeded(3));

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
        TabularRound first = estimator.collect(bandit(), policy, RandomSource.seeded(11).derive("x"));
        TabularRound second = estimator.collect(bandit(), policy, RandomSource.seeded(11).derive("x"));
        TabularRound other = estimator.collect(bandit(), policy, RandomSource.seeded(12).derive("x"));

        assertThat(second.q()).containsExactly(first.q());
        assertThat(second.meanReturn()).isEqualTo(first.meanReturn());
        assertThat(other.meanReturn()).isNotEqualTo(first.meanReturn());
    }
}
