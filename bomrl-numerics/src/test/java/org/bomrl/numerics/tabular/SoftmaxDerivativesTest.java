package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoftmaxDerivativesTest
{
    private static final int STATES = 3;
    private static final int ACTIONS = 4;
    private static final double STEP = 1e-5;
    /** Central differences: truncation O(h²) ≈ 1e-10, rounding ≈ 1e-11. */
    private static final double FINITE_DIFFERENCE = 1e-8;
    private static final double EXACT = 1e-14;

    private final SplittableRandom random = RandomSource.seeded(11L).derive("softmax").generator();

    @Test
    void jacobianMatchesFiniteDifferencesOfSoftmax()
    {
        double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] pi = TabularSoftmaxPolicy.of(STATES, ACTIONS, theta).probabilities();
        double[] out = new double[ACTIONS * ACTIONS];
        for (int s = 0; s < STATES; s++) {
            SoftmaxDerivatives.jacobian(pi, s * ACTIONS, ACTIONS, out);
            for (int j = 0; j < ACTIONS; j++) {
                double[] plus = TabularSoftmaxPolicy.of(STATES, ACTIONS, shift(theta, s * ACTIONS + j, STEP)).probabilities();
                double[] minus = TabularSoftmaxPolicy.of(STATES, ACTIONS, shift(theta, s * ACTIONS + j, -STEP)).probabilities();
                for (int i = 0; i < ACTIONS; i++) {
                    double numeric = (plus[s * ACTIONS + i] - minus[s * ACTIONS + i]) / (2 * STEP);
                    assertThat(out[i * ACTIONS + j]).isCloseTo(numeric, within(FINITE_DIFFERENCE));
                }
            }
        }
    }

    @Test
    void logitJacobianIsSignTimesTheJacobianOfTheLogitsSoftmax()
    {
        double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] pi = new double[ACTIONS];
        double[] expected = new double[ACTIONS * ACTIONS];
        double[] out = new double[ACTIONS * ACTIONS];
        for (int s = 0; s < STATES; s++) {
            double logZ = Softmax.logSumExp(theta, s * ACTIONS, ACTIONS);
            for (int a = 0; a < ACTIONS; a++) {
                pi[a] = Softmax.probability(theta, s * ACTIONS, a, logZ);
            }
            SoftmaxDerivatives.jacobian(pi, 0, ACTIONS, expected);
            for (double sign : new double[] {1, -1}) {
                SoftmaxDerivatives.logitJacobian(theta, s * ACTIONS, ACTIONS, sign, out);
                for (int i = 0; i < out.length; i++) {
                    assertThat(out[i]).as("entry %d, sign %s", i, sign).isEqualTo(sign * expected[i]);
                }
            }
        }
    }

    @Test
    void surrogateGradientMatchesFiniteDifferences()
    {
        double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] pi = TabularSoftmaxPolicy.of(STATES, ACTIONS, theta).probabilities();
        double[] out = new double[ACTIONS];
        for (int s = 0; s < STATES; s++) {
            SoftmaxDerivatives.surrogateGradient(pi, q, s * ACTIONS, ACTIONS, out);
            for (int j = 0; j < ACTIONS; j++) {
                double numeric = (surrogate(shift(theta, s * ACTIONS + j, STEP), q, s)
                        - surrogate(shift(theta, s * ACTIONS + j, -STEP), q, s)) / (2 * STEP);
                assertThat(out[j]).isCloseTo(numeric, within(FINITE_DIFFERENCE));
            }
        }
    }

    @Test
    void surrogateHessianMatchesFiniteDifferencesOfGradient()
    {
        double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] pi = TabularSoftmaxPolicy.of(STATES, ACTIONS, theta).probabilities();
        double[] hessian = new double[ACTIONS * ACTIONS];
        double[] plus = new double[ACTIONS];
        double[] minus = new double[ACTIONS];
        for (int s = 0; s < STATES; s++) {
            SoftmaxDerivatives.surrogateHessian(pi, q, s * ACTIONS, ACTIONS, hessian);
            for (int j = 0; j < ACTIONS; j++) {
                SoftmaxDerivatives.surrogateGradient(TabularSoftmaxPolicy.of(STATES, ACTIONS, shift(theta, s * ACTIONS + j, STEP)).probabilities(), q,
                        s * ACTIONS, ACTIONS, plus);
                SoftmaxDerivatives.surrogateGradient(TabularSoftmaxPolicy.of(STATES, ACTIONS, shift(theta, s * ACTIONS + j, -STEP)).probabilities(), q,
                        s * ACTIONS, ACTIONS, minus);
                for (int i = 0; i < ACTIONS; i++) {
                    assertThat(hessian[i * ACTIONS + j]).isCloseTo((plus[i] - minus[i]) / (2 * STEP), within(FINITE_DIFFERENCE));
                }
            }
            for (int i = 0; i < ACTIONS; i++) {
                double rowSum = 0;
                for (int j = 0; j < ACTIONS; j++) {
                    rowSum += hessian[i * ACTIONS + j];
                    assertThat(hessian[i * ACTIONS + j]).isCloseTo(hessian[j * ACTIONS + i], within(EXACT));
                }
                assertThat(rowSum).isCloseTo(0, within(EXACT));
            }
        }
    }

    @Test
    void projectionRemovesMeanOfOneStateOnly()
    {
        double[] x = {1, 2, 3, 4, 10, 20, 30, 40};
        SoftmaxDerivatives.projectOnesComplement(x, ACTIONS, ACTIONS);

        assertThat(x).containsExactly(new double[] {1, 2, 3, 4, -15, -5, 5, 15}, within(EXACT));
    }

    /** Σ_a π_θ(a|s) q(s,a). */
    private static double surrogate(double[] theta, double[] q, int s)
    {
        double[] pi = TabularSoftmaxPolicy.of(STATES, ACTIONS, theta).probabilities();
        double sum = 0;
        for (int a = 0; a < ACTIONS; a++) {
            sum += pi[s * ACTIONS + a] * q[s * ACTIONS + a];
        }
        return sum;
    }

    private static double[] shift(double[] theta, int index, double delta)
    {
        double[] out = theta.clone();
        out[index] += delta;
        return out;
    }
}
