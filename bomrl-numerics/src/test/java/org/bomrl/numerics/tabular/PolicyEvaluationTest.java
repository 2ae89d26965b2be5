package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolicyEvaluationTest
{
    private static final int STATES = 5;
    private static final int ACTIONS = 3;
    private static final double GAMMA = 0.9;
    private static final int HORIZON = 7;
    /** Enough steps that γ^t ≤ 0.9^1000 ≈ 2e-46 is negligible. */
    private static final int ITERATIONS = 1000;
    private static final double EXACT = 1e-10;
    private static final double FINITE_DIFFERENCE_STEP = 1e-5;
    private static final double FINITE_DIFFERENCE_RELATIVE = 1e-6;
    private static final int REPETITIONS = 5;

    private static SplittableRandom random(String label, int index)
    {
        return RandomSource.seeded(20240917L).derive(label).derive(index).generator();
    }

    @Test
    void infiniteHorizonMatchesIteratedBellmanOperatorAndOccupancySeries()
    {
        for (int k = 0; k < REPETITIONS; k++) {
            SplittableRandom random = random("infinite", k);
            TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
            double[] policy = RandomMdps.policy(random, STATES, ACTIONS);
            double[] pPi = policyTransition(mdp, policy);
            double[] rPi = policyReward(mdp, policy);

            // V ← r_π + γ P_π V
            double[] v = new double[STATES];
            for (int t = 0; t < ITERATIONS; t++) {
                double[] next = new double[STATES];
                for (int s = 0; s < STATES; s++) {
                    next[s] = rPi[s];
                    for (int n = 0; n < STATES; n++) {
                        next[s] += GAMMA * pPi[s * STATES + n] * v[n];
                    }
                }
                v = next;
            }
            // d = (1−γ) Σ_t γ^t ρᵀ P_π^t
            double[] d = new double[STATES];
            double[] mu = mdp.initialDistribution();
            double discount = 1;
            for (int t = 0; t < ITERATIONS; t++) {
                for (int s = 0; s < STATES; s++) {
                    d[s] += (1 - GAMMA) * discount * mu[s];
                }
                mu = step(mu, pPi);
                discount *= GAMMA;
            }

            Evaluation evaluation = new PolicyEvaluation(mdp).evaluate(policy);

            assertThat(evaluation.v()).containsExactly(v, within(EXACT));
            assertThat(evaluation.q()).containsExactly(lookahead(mdp, v), within(EXACT));
            assertThat(evaluation.visitation()).containsExactly(d, within(EXACT));
            assertThat(sum(evaluation.visitation())).isCloseTo(1, within(EXACT));
            assertThat(evaluation.value()).isCloseTo(dot(mdp.initialDistribution(), v), within(EXACT));
            assertThat(evaluation.value()).isCloseTo(dot(d, rPi) / (1 - GAMMA), within(EXACT));
            assertThat(new PolicyEvaluation(mdp).value(policy)).isCloseTo(evaluation.value(), within(EXACT));
        }
    }

    @Test
    void finiteHorizonMatchesForwardStateDistribution()
    {
        for (double gamma : new double[] {GAMMA, 1.0}) {
            for (int k = 0; k < REPETITIONS; k++) {
                SplittableRandom random = random("finite" + gamma, k);
                TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, gamma, HORIZON);
                double[] policy = RandomMdps.policy(random, STATES, ACTIONS);
                double[] pPi = policyTransition(mdp, policy);
                double[] rPi = policyReward(mdp, policy);

                // V_0(s) = Σ_{t<H} γ^t (e_s P_π^t)·r_π: the state distribution from s pushed forward
                double[] v0 = new double[STATES];
                double[] v1 = new double[STATES];
                for (int s = 0; s < STATES; s++) {
                    v0[s] = forwardReturn(s, pPi, rPi, gamma, HORIZON);
                    v1[s] = forwardReturn(s, pPi, rPi, gamma, HORIZON - 1);
                }
                double[] occupancy = new double[STATES];
                double[] mu = mdp.initialDistribution();
                double discount = 1;
                double value = 0;
                double totalDiscount = 0;
                for (int t = 0; t < HORIZON; t++) {
                    for (int s = 0; s < STATES; s++) {
                        occupancy[s] += discount * mu[s];
                    }
                    value += discount * dot(mu, rPi);
                    totalDiscount += discount;
                    mu = step(mu, pPi);
                    discount *= gamma;
                }
                for (int s = 0; s < STATES; s++) {
                    occupancy[s] /= totalDiscount;
                }

                Evaluation evaluation = new PolicyEvaluation(mdp).evaluate(policy);

                assertThat(evaluation.v()).containsExactly(v0, within(EXACT));
                assertThat(evaluation.q()).containsExactly(lookahead(mdp, v1), within(EXACT));
                assertThat(evaluation.visitation()).containsExactly(occupancy, within(EXACT));
                assertThat(evaluation.value()).isCloseTo(value, within(EXACT));
                assertThat(new PolicyEvaluation(mdp).value(policy)).isCloseTo(value, within(EXACT));
            }
        }
    }

    @Test
    void finiteHorizonValueMatchesEnumerationOfAllTrajectories()
    {
        int states = 3;
        int actions = 2;
        int horizon = 3;
        SplittableRandom random = random("trajectories", 0);
        TabularMdp mdp = RandomMdps.mdp(random, states, actions, 0.7, horizon);
        double[] policy = RandomMdps.policy(random, states, actions);

        double expected = 0;
        for (int s = 0; s < states; s++) {
            expected += mdp.initial(s) * enumerate(mdp, policy, s, 0, 1.0, 1.0);
        }

        assertThat(new PolicyEvaluation(mdp).evaluate(policy).value()).isCloseTo(expected, within(EXACT));
    }

    /** Σ over all continuations of probability × discounted reward, from state s at time t. */
    private static double enumerate(TabularMdp mdp, double[] policy, int s, int t, double probability, double discount)
    {
        if (t == mdp.horizon()) {
            return 0;
        }
        double total = 0;
        for (int a = 0; a < mdp.actions(); a++) {
            for (int n = 0; n < mdp.states(); n++) {
                double p = probability * policy[s * mdp.actions() + a] * mdp.transition(s, a, n);
                total += p * discount * mdp.reward(s, a, n);
                total += enumerate(mdp, policy, n, t + 1, p, discount * mdp.gamma());
            }
        }
        return total;
    }

    @Test
    void softmaxGradientMatchesCentralFiniteDifferences()
    {
        for (int horizon : new int[] {TabularMdp.INFINITE_HORIZON, HORIZON}) {
            for (int k = 0; k < REPETITIONS; k++) {
                SplittableRandom random = random("gradient" + horizon, k);
                TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, horizon);
                double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 2);
                PolicyEvaluation evaluation = new PolicyEvaluation(mdp);

                double[] gradient = evaluation.softmaxGradient(TabularSoftmaxPolicy.of(STATES, ACTIONS, theta).probabilities());

                double[] numeric = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[i] += FINITE_DIFFERENCE_STEP;
                    minus[i] -= FINITE_DIFFERENCE_STEP;
                    numeric[i] = (evaluation.value(TabularSoftmaxPolicy.of(STATES, ACTIONS, plus).probabilities())
                            - evaluation.value(TabularSoftmaxPolicy.of(STATES, ACTIONS, minus).probabilities())) / (2 * FINITE_DIFFERENCE_STEP);
                }
                double scale = maxAbs(numeric);
                assertThat(scale).isGreaterThan(0);
                assertThat(gradient).containsExactly(numeric, within(FINITE_DIFFERENCE_RELATIVE * scale));
            }
        }
    }

    @Test
    void infiniteHorizonGradientIsSumOfOccupancyWeightedAdvantages()
    {
        SplittableRandom random = random("advantage", 0);
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] policy = RandomMdps.policy(random, STATES, ACTIONS);
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
        Evaluation e = evaluation.evaluate(policy);

        double[] gradient = evaluation.softmaxGradient(policy);

        for (int s = 0; s < STATES; s++) {
            for (int a = 0; a < ACTIONS; a++) {
                int sa = s * ACTIONS + a;
                double expected = e.visitation()[s] * policy[sa] * (e.q()[sa] - e.v()[s]) / (1 - GAMMA);
                assertThat(gradient[sa]).isCloseTo(expected, within(EXACT));
            }
        }
    }

    @Test
    void helpersBuildPolicyInducedChain()
    {
        SplittableRandom random = random("helpers", 0);
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] policy = RandomMdps.policy(random, STATES, ACTIONS);
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
        double[] pPi = new double[STATES * STATES];
        double[] rPi = new double[STATES];

        evaluation.policyTransition(policy, pPi);
        evaluation.policyReward(policy, rPi);

        assertThat(pPi).containsExactly(policyTransition(mdp, policy), within(EXACT));
        assertThat(rPi).containsExactly(policyReward(mdp, policy), within(EXACT));
    }

    @Test
    void rejectsPolicyOfWrongSize()
    {
        SplittableRandom random = random("size", 0);
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);

        assertThatThrownBy(() -> new PolicyEvaluation(mdp).evaluate(new double[STATES]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("" + STATES);
    }

    @Test
    void nonFinitePolicyIsReportedAsArithmeticException()
    {
        SplittableRandom random = random("nan", 0);
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] policy = RandomMdps.policy(random, STATES, ACTIONS);
        policy[4] = Double.NaN;

        assertThatThrownBy(() -> new PolicyEvaluation(mdp).evaluate(policy)).isInstanceOf(ArithmeticException.class);
    }

    static double[] policyTransition(TabularMdp mdp, double[] policy)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        double[] out = new double[states * states];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                for (int n = 0; n < states; n++) {
                    out[s * states + n] += policy[s * actions + a] * mdp.transition(s, a, n);
                }
            }
        }
        return out;
    }

    static double[] policyReward(TabularMdp mdp, double[] policy)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        double[] out = new double[states];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                for (int n = 0; n < states; n++) {
                    out[s] += policy[s * actions + a] * mdp.transition(s, a, n) * mdp.reward(s, a, n);
                }
            }
        }
        return out;
    }

    /** r(s,a) + γ Σ_s' P(s'|s,a) v(s'). */
    static double[] lookahead(TabularMdp mdp, double[] v)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        double[] q = new double[states * actions];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                double sum = 0;
                for (int n = 0; n < states; n++) {
                    sum += mdp.transition(s, a, n) * (mdp.reward(s, a, n) + mdp.gamma() * v[n]);
                }
                q[s * actions + a] = sum;
            }
        }
        return q;
    }

    private static double forwardReturn(int start, double[] pPi, double[] rPi, double gamma, int steps)
    {
        int states = rPi.length;
        double[] mu = new double[states];
        mu[start] = 1;
        double total = 0;
        double discount = 1;
        for (int t = 0; t < steps; t++) {
            total += discount * dot(mu, rPi);
            mu = step(mu, pPi);
            discount *= gamma;
        }
        return total;
    }

    private static double[] step(double[] mu, double[] pPi)
    {
        int states = mu.length;
        double[] next = new double[states];
        for (int s = 0; s < states; s++) {
            for (int n = 0; n < states; n++) {
                next[n] += mu[s] * pPi[s * states + n];
            }
        }
        return next;
    }

    static double dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double sum(double[] x)
    {
        double sum = 0;
        for (double value : x) {
            sum += value;
        }
        return sum;
    }

    static double maxAbs(double[] x)
    {
        double max = 0;
        for (double value : x) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
