package org.bomrl.metrics.compare;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AllTaskOptimumComparatorTest
{
    private static final double EXACT = 1e-12;
    /** Value iteration of a fixed policy to γ^k below 1e-15. */
    private static final double BRUTE_FORCE = 1e-9;

    private final AllTaskOptimumComparator comparator = new AllTaskOptimumComparator();

    @Test
    void banditOptimaAreTheLargestRewards()
    {
        double[] values = comparator.referenceValues(List.of(new ModelTask("left", Mdps.bandit(1, 0)), new ModelTask("right", Mdps.bandit(0, 0.5))));

        assertThat(values).containsExactly(new double[] {1, 0.5}, within(EXACT));
    }

    @Test
    void finiteHorizonOptimaTakeTheBestPlan()
    {
        // stay twice pays 2; leaving at once pays 3; staying then leaving pays 1 + 3 = 4
        double[] values = comparator.referenceValues(List.of(new ModelTask("stay", Mdps.stayOrLeave(1, 0)), new ModelTask("both", Mdps.stayOrLeave(1, 3))));

        assertThat(values).containsExactly(new double[] {2, 4}, within(EXACT));
    }

    @Test
    void randomMdpOptimumEqualsTheBestDeterministicPolicyByBruteForce()
    {
        SplittableRandom random = RandomSource.seeded(7).derive("all-task-optimum").generator();
        for (int trial = 0; trial < 5; trial++) {
            TabularMdp mdp = Mdps.random(random, 3, 3, 0.8);

            double optimum = comparator.referenceValues(List.of(new ModelTask("random" + trial, mdp)))[0];

            assertThat(optimum).as("trial %d", trial).isCloseTo(bestDeterministicValue(mdp), within(BRUTE_FORCE));
        }
    }

    @Test
    void tasksWithoutAnExactModelAreRejectedNamingTheTask()
    {
        assertThatThrownBy(() -> comparator.referenceValues(List.of(new ModelTask("fine", Mdps.bandit(1, 0)), new ModelTask("cheetah-vel", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cheetah-vel")
                .hasMessageContaining("oracle");
    }

    /** max over all |A|^|S| deterministic policies of ρ·V^π, V^π by fixed-point iteration. */
    private static double bestDeterministicValue(TabularMdp mdp)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        int policies = (int) Math.pow(actions, states);
        double best = Double.NEGATIVE_INFINITY;
        for (int code = 0; code < policies; code++) {
            int[] action = new int[states];
            for (int s = 0, rest = code; s < states; s++, rest /= actions) {
                action[s] = rest % actions;
            }
            double[] v = new double[states];
            for (int iteration = 0; iteration < 200; iteration++) {
                double[] next = new double[states];
                for (int s = 0; s < states; s++) {
                    for (int n = 0; n < states; n++) {
                        next[s] += mdp.transition(s, action[s], n) * (mdp.reward(s, action[s], n) + mdp.gamma() * v[n]);
                    }
                }
                v = next;
            }
            double value = 0;
            for (int s = 0; s < states; s++) {
                value += mdp.initial(s) * v[s];
            }
            best = Math.max(best, value);
        }
        return best;
    }
}
