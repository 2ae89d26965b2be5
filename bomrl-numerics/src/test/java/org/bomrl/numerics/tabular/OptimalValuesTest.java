package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OptimalValuesTest
{
    private static final int STATES = 5;
    private static final int ACTIONS = 3;
    private static final double GAMMA = 0.9;
    private static final double EXACT = 1e-10;
    private static final int REPETITIONS = 4;
    private static final int RANDOM_POLICIES = 50;

    private static SplittableRandom random(String label, int index)
    {
        return RandomSource.seeded(7L).derive(label).derive(index).generator();
    }

    @Test
    void infiniteHorizonEqualsBestDeterministicPolicyByBruteForce()
    {
        for (int k = 0; k < REPETITIONS; k++) {
            TabularMdp mdp = RandomMdps.mdp(random("infinite", k), STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
            PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
            double[] best = new double[STATES];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            int policies = (int) Math.pow(ACTIONS, STATES);
            for (int code = 0; code < policies; code++) {
                double[] v = evaluation.evaluate(deterministic(decode(code, STATES, ACTIONS), ACTIONS)).v();
                for (int s = 0; s < STATES; s++) {
                    best[s] = Math.max(best[s], v[s]);
                }
            }

            OptimalValues optimal = OptimalValues.of(mdp);

            assertThat(optimal.v()).containsExactly(best, within(EXACT));
            assertThat(optimal.q()).containsExactly(PolicyEvaluationTest.lookahead(mdp, best), within(EXACT));
            assertThat(optimal.value()).isCloseTo(PolicyEvaluationTest.dot(mdp.initialDistribution(), best), within(EXACT));
            Evaluation greedy = evaluation.evaluate(deterministic(optimal.greedy(), ACTIONS));
            assertThat(greedy.v()).containsExactly(best, within(EXACT));
        }
    }

    @Test
    void finiteHorizonEqualsBestNonStationaryDeterministicPolicyByBruteForce()
    {
        int states = 3;
        int actions = 2;
        int horizon = 3;
        for (int k = 0; k < REPETITIONS; k++) {
            TabularMdp mdp = RandomMdps.mdp(random("finite", k), states, actions, 0.8, horizon);
            double[] best = new double[states];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            int policies = (int) Math.pow(actions, states * horizon);
            for (int code = 0; code < policies; code++) {
                // action of state s at time t is digit t·|S| + s
                int[] plan = decode(code, states * horizon, actions);
                for (int s = 0; s < states; s++) {
                    best[s] = Math.max(best[s], planValue(mdp, plan, s, 0));
                }
            }

            OptimalValues optimal = OptimalValues.of(mdp);

            assertThat(optimal.v()).containsExactly(best, within(EXACT));
            assertThat(optimal.value()).isCloseTo(PolicyEvaluationTest.dot(mdp.initialDistribution(), best), within(EXACT));
            for (int s = 0; s < states; s++) {
                assertThat(optimal.q()[s * actions + optimal.greedy()[s]]).isCloseTo(best[s], within(EXACT));
            }
        }
    }

    /** Expected discounted return of a non-stationary deterministic plan from state s at time t. */
    private static double planValue(TabularMdp mdp, int[] plan, int s, int t)
    {
        if (t == mdp.horizon()) {
            return 0;
        }
        int a = plan[t * mdp.states() + s];
        double total = 0;
        for (int n = 0; n < mdp.states(); n++) {
            total += mdp.transition(s, a, n) * (mdp.reward(s, a, n) + mdp.gamma() * planValue(mdp, plan, n, t + 1));
        }
        return total;
    }

    @Test
    void optimalValueDominatesRandomStochasticPolicies()
    {
        for (int horizon : new int[] {TabularMdp.INFINITE_HORIZON, 6}) {
            SplittableRandom random = random("dominates" + horizon, 0);
            TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, horizon);
            OptimalValues optimal = OptimalValues.of(mdp);
            PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
            for (int i = 0; i < RANDOM_POLICIES; i++) {
                double[] v = evaluation.evaluate(RandomMdps.policy(random, STATES, ACTIONS)).v();
                for (int s = 0; s < STATES; s++) {
                    assertThat(optimal.v()[s]).isGreaterThanOrEqualTo(v[s] - EXACT);
                }
            }
        }
    }

    @Test
    void tiesGoToLowestAction()
    {
        int states = 2;
        int actions = 3;
        double[] transition = new double[states * actions * states];
        double[] reward = new double[transition.length];
        for (int sa = 0; sa < states * actions; sa++) {
            transition[sa * states] = 0.5;
            transition[sa * states + 1] = 0.5;
            Arrays.fill(reward, sa * states, sa * states + states, 1.0);
        }
        // action 2 of state 1 is strictly better
        reward[(actions + 2) * states] = 2.0;
        for (int horizon : new int[] {TabularMdp.INFINITE_HORIZON, 4}) {
            TabularMdp mdp = new TabularMdp(states, actions, transition, reward, 0.5, horizon, new double[] {1, 0});

            assertThat(OptimalValues.of(mdp).greedy()).containsExactly(0, 2);
        }
    }

    private static int[] decode(int code, int digits, int base)
    {
        int[] out = new int[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = code % base;
            code /= base;
        }
        return out;
    }

    private static double[] deterministic(int[] actionOf, int actions)
    {
        double[] policy = new double[actionOf.length * actions];
        for (int s = 0; s < actionOf.length; s++) {
            policy[s * actions + actionOf[s]] = 1;
        }
        return policy;
    }
}
