package org.bomrl.api.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class LinearQuadraticModelTest
{
    private static final double[][] A = {{1, 0.1}, {0, 1}};
    private static final double[][] B = {{0}, {0.1}};
    private static final double[][] Q = {{1, 0}, {0, 1}};
    private static final double[][] R = {{0.1}};
    private static final double[][] W = {{0.01, 0}, {0, 0.01}};
    private static final double[] M0 = {1, 0};

    @Test
    void dimensionsComeFromAAndB()
    {
        LinearQuadraticModel model = new LinearQuadraticModel(A, B, Q, R, W, M0, W, 0.99, 50);

        assertThat(model.stateDimension()).isEqualTo(2);
        assertThat(model.actionDimension()).isEqualTo(1);
        assertThat(model).isEqualTo(new LinearQuadraticModel(A, B, Q, R, W, M0, W, 0.99, 50));
        assertThat(model.hashCode()).isEqualTo(new LinearQuadraticModel(A, B, Q, R, W, M0, W, 0.99, 50).hashCode());
    }

    @Test
    void matricesAreCopiedInAndOut()
    {
        double[][] a = {{1, 0.1}, {0, 1}};
        LinearQuadraticModel model = new LinearQuadraticModel(a, B, Q, R, W, M0, W, 0.99, 50);
        a[0][0] = 7;
        model.a()[0][1] = 7;

        assertThat(model.a()).isDeepEqualTo(A);
    }

    @Test
    void invalidModelsAreRejectedNamingThePart()
    {
        assertThatThrownBy(() -> new LinearQuadraticModel(A, new double[][] {{0}}, Q, R, W, M0, W, 0.99, 50)).hasMessageContaining("B must be 2×m");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, new double[][] {{1, 0.5}, {0, 1}}, R, W, M0, W, 0.99, 50))
                .hasMessageContaining("Q is not symmetric");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, Q, new double[][] {{0}}, W, M0, W, 0.99, 50)).hasMessageContaining("R[0][0] = 0.0 must be positive");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, Q, R, W, new double[] {1}, W, 0.99, 50)).hasMessageContaining("m0 must have 2 values");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, Q, R, W, M0, new double[][] {{-1, 0}, {0, 1}}, 0.99, 50))
                .hasMessageContaining("Σ_0[0][0] = -1.0 must be non-negative");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, Q, R, W, M0, W, 1.5, 50)).hasMessageContaining("gamma = 1.5");
        assertThatThrownBy(() -> new LinearQuadraticModel(A, B, Q, R, W, M0, W, 0.99, 0)).hasMessageContaining("horizon = 0");
        assertThatThrownBy(() -> new LinearQuadraticModel(new double[][] {{Double.NaN, 0}, {0, 1}}, B, Q, R, W, M0, W, 0.99, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A[0][0] = NaN");
    }
}
