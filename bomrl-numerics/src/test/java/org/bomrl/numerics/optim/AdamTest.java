package org.bomrl.numerics.optim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamTest
{
    private static final double EXACT = 1e-15;
    private static final double LEARNING_RATE = 0.1;

    @Test
    void twoStepsMatchHandComputation()
    {
        Adam adam = new Adam(2, LEARNING_RATE);
        double[] x = {0, 0};

        adam.step(x, new double[] {1, -2});
        // t=1: m̂ = g, v̂ = g², x = 0.1·g/(|g| + 1e-8)
        double[] first = {0.1 / (1 + 1e-8), -0.2 / (2 + 1e-8)};
        assertThat(x).containsExactly(first, within(EXACT));

        adam.step(x, new double[] {0.5, 1});
        // t=2: m = (0.9·0.1 + 0.1·0.5, 0.9·(−0.2) + 0.1·1) = (0.14, −0.08)
        //      v = (0.999·0.001 + 0.001·0.25, 0.999·0.004 + 0.001·1) = (0.001249, 0.004996)
        //      m̂ = m/(1 − 0.81), v̂ = v/(1 − 0.998001)
        double m0 = 0.14 / 0.19;
        double m1 = -0.08 / 0.19;
        double v0 = 0.001249 / 0.001999;
        double v1 = 0.004996 / 0.001999;
        double[] second = {first[0] + 0.1 * m0 / (Math.sqrt(v0) + 1e-8), first[1] + 0.1 * m1 / (Math.sqrt(v1) + 1e-8)};
        assertThat(x).containsExactly(second, within(1e-12));
        assertThat(adam.firstMoment()).containsExactly(new double[] {0.14, -0.08}, within(EXACT));
        assertThat(adam.secondMoment()).containsExactly(new double[] {0.001249, 0.004996}, within(EXACT));
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    void restoredOptimiserContinuesIdentically()
    {
        double[][] gradients = {{1, -2, 3}, {0.5, 0.25, -1}, {-3, 2, 0}, {0.1, 0.2, 0.3}, {2, -1, 1}};
        Adam original = new Adam(3, LEARNING_RATE, 0.8, 0.99, 1e-6);
        double[] x = {1, 2, 3};
        for (int k = 0; k < 2; k++) {
            original.step(x, gradients[k]);
        }
        Adam restored = Adam.restore(3, LEARNING_RATE, 0.8, 0.99, 1e-6, original.firstMoment(), original.secondMoment(), original.steps());
        double[] y = x.clone();

        for (int k = 2; k < gradients.length; k++) {
            original.step(x, gradients[k]);
            restored.step(y, gradients[k]);
        }

        assertThat(y).isEqualTo(x);
        assertThat(restored.firstMoment()).isEqualTo(original.firstMoment());
        assertThat(restored.secondMoment()).isEqualTo(original.secondMoment());
        assertThat(restored.steps()).isEqualTo(5);
    }

    @Test
    void ascendsToMaximumOfConcaveQuadratic()
    {
        Adam adam = new Adam(1, 0.05);
        double[] x = {0};
        for (int k = 0; k < 2000; k++) {
            adam.step(x, new double[] {-2 * (x[0] - 3)});
        }

        assertThat(x[0]).isCloseTo(3, within(1e-3));
    }

    @Test
    void rejectsNonFiniteGradientNamingIndexWithoutChangingState()
    {
        Adam adam = new Adam(2, LEARNING_RATE);
        double[] x = {1, 1};

        assertThatThrownBy(() -> adam.step(x, new double[] {1, Double.NaN}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("gradient[1]");
        assertThat(x).containsExactly(1, 1);
        assertThat(adam.steps()).isZero();
    }
}
