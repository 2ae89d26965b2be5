package org.bomrl.numerics.optim;

import org.bomrl.api.context.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConjugateGradientTest
{
    private static final int N = 8;
    private static final double TOLERANCE = 1e-12;
    private static final double EXACT = 1e-9;

    private final SplittableRandom random = RandomSource.seeded(5L).derive("cg").generator();

    @Test
    void solvesRandomSpdSystemLikeEjml()
    {
        DMatrixRMaj a = randomSpd();
        double[] b = randomVector();

        ConjugateGradientResult result = new ConjugateGradient(N, 4 * N, TOLERANCE, 0).solve(operator(a), b);

        assertThat(result.converged()).isTrue();
        assertThat(result.termination()).isEqualTo(ConjugateGradientResult.Termination.CONVERGED);
        assertThat(result.iterations()).isBetween(1, 4 * N);
        assertThat(result.x()).containsExactly(ejmlSolve(a, b), within(EXACT));
        assertThat(result.residualNorm()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void dampingSolvesShiftedSystem()
    {
        DMatrixRMaj a = randomSpd();
        double[] b = randomVector();
        double damping = 0.5;

        ConjugateGradientResult result = new ConjugateGradient(N, 4 * N, TOLERANCE, damping).solve(operator(a), b);

        DMatrixRMaj shifted = a.copy();
        for (int i = 0; i < N; i++) {
            shifted.add(i, i, damping);
        }
        assertThat(result.converged()).isTrue();
        assertThat(result.x()).containsExactly(ejmlSolve(shifted, b), within(EXACT));
    }

    @Test
    void reportsExhaustedBudgetWithTrueResidual()
    {
        DMatrixRMaj a = randomSpd();
        double[] b = randomVector();

        ConjugateGradientResult result = new ConjugateGradient(N, 2, TOLERANCE, 0).solve(operator(a), b);

        assertThat(result.converged()).isFalse();
        assertThat(result.termination()).isEqualTo(ConjugateGradientResult.Termination.MAX_ITERATIONS);
        assertThat(result.iterations()).isEqualTo(2);
        double[] ax = new double[N];
        operator(a).apply(result.x(), ax);
        double residual = 0;
        for (int i = 0; i < N; i++) {
            residual += (b[i] - ax[i]) * (b[i] - ax[i]);
        }
        assertThat(result.residualNorm()).isCloseTo(Math.sqrt(residual), within(EXACT)).isGreaterThan(TOLERANCE);
    }

    @Test
    void reportsNegativeCurvatureOnIndefiniteMatrix()
    {
        // A = diag(2, −1, 1), b = (1, 1, 0): p₀ᵀAp₀ = 1, α = 2, x₁ = (2, 2, 0), r₁ = (−3, 3, 0),
        // β = 9, p₁ = (6, 12, 0) with p₁ᵀAp₁ = 72 − 144 < 0
        DMatrixRMaj a = CommonOps_DDRM.diag(2, -1, 1);
        double[] b = {1, 1, 0};

        ConjugateGradientResult result = new ConjugateGradient(3, 10, TOLERANCE, 0).solve(operator(a), b);

        assertThat(result.converged()).isFalse();
        assertThat(result.termination()).isEqualTo(ConjugateGradientResult.Termination.NEGATIVE_CURVATURE);
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.x()).containsExactly(new double[] {2, 2, 0}, within(EXACT));
    }

    @Test
    void goesOnThroughNegativeCurvatureWhenAskedAndReachesTheIndefiniteSolution()
    {
        // as above, then α₁ = r₁ᵀr₁ / p₁ᵀAp₁ = 18 / −72 < 0 gives x₂ = A⁻¹b = (0.5, −1, 0) exactly (the Krylov space is 2-D)
        DMatrixRMaj a = CommonOps_DDRM.diag(2, -1, 1);
        double[] b = {1, 1, 0};

        ConjugateGradientResult result = new ConjugateGradient(3, 10, TOLERANCE, 0).solve(operator(a), b, false);

        assertThat(result.termination()).isEqualTo(ConjugateGradientResult.Termination.CONVERGED);
        assertThat(result.iterations()).isEqualTo(2);
        assertThat(result.negativeCurvatureSteps()).isEqualTo(1);
        assertThat(result.x()).containsExactly(new double[] {0.5, -1, 0}, within(EXACT));
    }

    @Test
    void zeroRightHandSideConvergesImmediately()
    {
        ConjugateGradientResult result = new ConjugateGradient(N, 10, TOLERANCE, 0).solve(operator(randomSpd()), new double[N]);

        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isZero();
        assertThat(result.x()).containsOnly(0.0);
    }

    private DMatrixRMaj randomSpd()
    {
        return DenseSystems.randomSpd(random, N);
    }

    private double[] randomVector()
    {
        return DenseSystems.randomVector(random, N);
    }

    private static LinearOperator operator(DMatrixRMaj a)
    {
        return DenseSystems.operator(a);
    }

    private static double[] ejmlSolve(DMatrixRMaj a, double[] b)
    {
        DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
        assertThat(CommonOps_DDRM.solve(a.copy(), DMatrixRMaj.wrap(b.length, 1, b.clone()), x)).isTrue();
        return x.data;
    }
}
