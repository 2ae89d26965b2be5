package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnesComplementSolverTest
{
    private static final int ACTIONS = 4;
    private static final double EXACT = 1e-10;
    private static final double LAMBDA = 0.7;
    /** Relative accuracy of a condition number whose smallest eigenvalue is near 1e-11 (absolute eigenvalue error ~1e-16). */
    private static final double CONDITION_RELATIVE = 1e-4;

    private final SplittableRandom random = RandomSource.seeded(3L).derive("ones-complement").generator();

    @Test
    void symmetricSoftmaxHessianEqualsPseudoInverseSolution()
    {
        // the Alg(1) lower-level Hessian of spec §3.6: H = λF(π) − M(π, q), singular along 1
        double[] pi = TabularSoftmaxPolicy.of(1, ACTIONS, RandomMdps.logits(random, ACTIONS, 2)).probabilities();
        double[] q = RandomMdps.logits(random, ACTIONS, 2);
        double[] f = new double[ACTIONS * ACTIONS];
        double[] m = new double[ACTIONS * ACTIONS];
        SoftmaxDerivatives.jacobian(pi, 0, ACTIONS, f);
        SoftmaxDerivatives.surrogateHessian(pi, q, 0, ACTIONS, m);
        double[] h = new double[ACTIONS * ACTIONS];
        for (int i = 0; i < h.length; i++) {
            h[i] = LAMBDA * f[i] - 0.1 * m[i];
        }
        double[] b = RandomMdps.logits(random, ACTIONS, 2);

        double[] x = new OnesComplementSolver(ACTIONS).solveOnOnesComplement(h, b);

        DMatrixRMaj pseudoInverse = new DMatrixRMaj(ACTIONS, ACTIONS);
        CommonOps_DDRM.pinv(DMatrixRMaj.wrap(ACTIONS, ACTIONS, h.clone()), pseudoInverse);
        DMatrixRMaj expected = new DMatrixRMaj(ACTIONS, 1);
        CommonOps_DDRM.mult(pseudoInverse, DMatrixRMaj.wrap(ACTIONS, 1, b.clone()), expected);
        assertThat(x).containsExactly(expected.data, within(EXACT));
        assertThat(sum(x)).isCloseTo(0, within(EXACT));
    }

    @Test
    void nonSymmetricMatrixSolvesRestrictedSystem()
    {
        double[] h = RandomMdps.logits(random, ACTIONS * ACTIONS, 2);
        for (int i = 0; i < ACTIONS; i++) {
            h[i * ACTIONS + i] += 5;
        }
        double[] b = RandomMdps.logits(random, ACTIONS, 2);
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS);

        double[] x = new double[ACTIONS + 2];
        double[] paddedB = new double[ACTIONS + 1];
        System.arraycopy(b, 0, paddedB, 1, ACTIONS);
        solver.solveOnOnesComplement(h, paddedB, 1, x, 2);
        double[] solution = Arrays.copyOfRange(x, 2, ACTIONS + 2);

        assertThat(sum(solution)).isCloseTo(0, within(EXACT));
        double[] residual = multiply(h, solution);
        SoftmaxDerivatives.projectOnesComplement(residual, 0, ACTIONS);
        double[] pb = b.clone();
        SoftmaxDerivatives.projectOnesComplement(pb, 0, ACTIONS);
        assertThat(residual).containsExactly(pb, within(EXACT));
        assertThat(solver.lastConditionNumber()).isGreaterThanOrEqualTo(1).isFinite();
        assertThat(x[0]).isZero();
        assertThat(x[1]).isZero();
    }

    @Test
    void throwsWhenRankDeficientOnOnesComplement()
    {
        // F(π) with a zero probability is singular along 1 and along e_3
        double[] pi = {0.5, 0.3, 0.2, 0};
        double[] f = new double[ACTIONS * ACTIONS];
        SoftmaxDerivatives.jacobian(pi, 0, ACTIONS, f);

        assertThatThrownBy(() -> new OnesComplementSolver(ACTIONS).solveOnOnesComplement(f, new double[] {1, 2, 3, 4}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("condition number");
    }

    @Test
    void singleActionHasOnlyTheZeroSolution()
    {
        assertThat(new OnesComplementSolver(1).solveOnOnesComplement(new double[] {2}, new double[] {3})).containsExactly(0);
    }

    @Test
    void denseSolveMatchesEjmlAndRejectsSingularMatrix()
    {
        double[] h = RandomMdps.logits(random, ACTIONS * ACTIONS, 2);
        for (int i = 0; i < ACTIONS; i++) {
            h[i * ACTIONS + i] += 4;
        }
        double[] b = RandomMdps.logits(random, ACTIONS, 2);
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS);

        double[] x = solver.solve(h, b);

        DMatrixRMaj expected = new DMatrixRMaj(ACTIONS, 1);
        assertThat(CommonOps_DDRM.solve(DMatrixRMaj.wrap(ACTIONS, ACTIONS, h.clone()), DMatrixRMaj.wrap(ACTIONS, 1, b.clone()), expected))
                .isTrue();
        assertThat(x).containsExactly(expected.data, within(EXACT));

        double[] f = new double[ACTIONS * ACTIONS];
        SoftmaxDerivatives.jacobian(new double[] {0.25, 0.25, 0.25, 0.25}, 0, ACTIONS, f);
        assertThatThrownBy(() -> solver.solve(f, b)).isInstanceOf(ArithmeticException.class).hasMessageContaining("condition number");
    }

    @Test
    void indefiniteSymmetricSystemOnOnesComplementMatchesSpectralSolution()
    {
        // H = Σ_k λ_k w_k w_kᵀ + 3·11ᵀ with w_k an orthonormal basis of 1^⊥ (EJML QR): PHP has eigenvalues λ on 1^⊥
        double[][] w = onesComplementBasis(ACTIONS);
        double[] lambdas = {2, -0.5, 1e-3};
        double[] h = spectral(w, lambdas);
        for (int i = 0; i < h.length; i++) {
            h[i] += 3;
        }
        double[] b = RandomMdps.logits(random, ACTIONS, 2);
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS);

        double[] x = solver.solveOnOnesComplement(h, b);

        double[] expected = new double[ACTIONS];
        for (int k = 0; k < lambdas.length; k++) {
            double coefficient = dot(w[k], b) / lambdas[k];
            for (int i = 0; i < ACTIONS; i++) {
                expected[i] += coefficient * w[k][i];
            }
        }
        assertThat(x).containsExactly(expected, within(EXACT));
        assertThat(solver.lastConditionNumber()).isCloseTo(2 / 1e-3, within(2 / 1e-3 * EXACT));
    }

    @Test
    void conditionLimitIsEnforcedOnTheSpectrumRestrictedToOnesComplement()
    {
        double[][] w = onesComplementBasis(ACTIONS);
        double[] b = RandomMdps.logits(random, ACTIONS, 2);
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS);

        // positive definite on 1^⊥ with condition number 1e11: accepted, and the number is reported
        solver.solveOnOnesComplement(spectral(w, new double[] {1, 1e-11, 0.5}), b);
        assertThat(solver.lastConditionNumber()).isCloseTo(1e11, within(1e11 * CONDITION_RELATIVE));

        // condition number 1e13 (no pivot-ratio shortcut may hide it) and an indefinite 1e13: rejected
        assertThatThrownBy(() -> solver.solveOnOnesComplement(spectral(w, new double[] {1, 1e-13, 0.5}), b))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("condition number");
        assertThatThrownBy(() -> solver.solveOnOnesComplement(spectral(w, new double[] {1, -1e-13, 0.5}), b))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("condition number");
    }

    @Test
    void exactConditionNumberDecidesWhenTheCholeskyBoundExceedsTheLimit()
    {
        // limit 100; λ = (1, 1, 1/90) on 1^⊥: κ = 90 but ‖A‖_F·tr(A⁻¹) = √(2 + 90⁻²)·92 ≈ 130 > 100, so the exact check accepts it
        double limit = 100;
        double[][] w = onesComplementBasis(ACTIONS);
        double[] lambdas = {1, 1, 1.0 / 90};
        double[] b = RandomMdps.logits(random, ACTIONS, 2);
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS, limit);

        double[] x = solver.solveOnOnesComplement(spectral(w, lambdas), b);

        double[] expected = new double[ACTIONS];
        for (int k = 0; k < lambdas.length; k++) {
            double coefficient = dot(w[k], b) / lambdas[k];
            for (int i = 0; i < ACTIONS; i++) {
                expected[i] += coefficient * w[k][i];
            }
        }
        assertThat(x).containsExactly(expected, within(EXACT));
        assertThat(solver.lastConditionNumber()).isCloseTo(90, within(90 * EXACT));
        // κ = 110 > 100: rejected
        assertThatThrownBy(() -> solver.solveOnOnesComplement(spectral(w, new double[] {1, 1, 1.0 / 110}), b))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("condition number");
        assertThat(solver.lastConditionNumber()).isCloseTo(110, within(110 * EXACT));
    }

    @Test
    void twoActionsReduceToAScalarEquation()
    {
        // H = a[[1, −1], [−1, 1]] has eigenvalue 2a on 1^⊥ = span(1, −1): x = P b / (2a)
        double a = 0.8;
        double[] h = {a, -a, -a, a};
        double[] b = {0.3, -1.1};

        double[] x = new OnesComplementSolver(2).solveOnOnesComplement(h, b);

        double half = (b[0] - b[1]) / 2;
        assertThat(x).containsExactly(new double[] {half / (2 * a), -half / (2 * a)}, within(EXACT));
    }

    @Test
    void denseSymmetricSolvesMatchEjmlAndReportTheSingularValueConditionNumber()
    {
        OnesComplementSolver solver = new OnesComplementSolver(ACTIONS);
        for (double shift : new double[] {4, 0.3}) {
            // shift 4: positive definite; shift 0.3: indefinite
            double[] g = RandomMdps.logits(random, ACTIONS * ACTIONS, 2);
            double[] h = new double[ACTIONS * ACTIONS];
            for (int i = 0; i < ACTIONS; i++) {
                for (int j = 0; j < ACTIONS; j++) {
                    h[i * ACTIONS + j] = 0.5 * (g[i * ACTIONS + j] + g[j * ACTIONS + i]) + (i == j ? shift : 0);
                }
            }
            double[] b = RandomMdps.logits(random, ACTIONS, 2);

            double[] x = solver.solve(h, b);

            DMatrixRMaj expected = new DMatrixRMaj(ACTIONS, 1);
            assertThat(CommonOps_DDRM.solve(DMatrixRMaj.wrap(ACTIONS, ACTIONS, h.clone()), DMatrixRMaj.wrap(ACTIONS, 1, b.clone()), expected))
                    .isTrue();
            assertThat(x).containsExactly(expected.data, within(EXACT));
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(ACTIONS, ACTIONS, false, false, true);
            assertThat(svd.decompose(DMatrixRMaj.wrap(ACTIONS, ACTIONS, h.clone()))).isTrue();
            double[] singular = svd.getSingularValues().clone();
            Arrays.sort(singular, 0, ACTIONS);
            double condition = singular[ACTIONS - 1] / singular[0];
            assertThat(solver.lastConditionNumber()).isCloseTo(condition, within(condition * EXACT));
        }
    }

    @Test
    void nonFiniteEntryIsReported()
    {
        double[] h = new double[ACTIONS * ACTIONS];
        h[6] = Double.NaN;

        assertThatThrownBy(() -> new OnesComplementSolver(ACTIONS).solveOnOnesComplement(h, new double[ACTIONS]))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("(1, 2)")
                .hasMessageContaining("not finite");
    }

    /** n−1 orthonormal vectors spanning 1^⊥: columns 1..n−1 of the QR factor Q of [1 | random]. */
    private double[][] onesComplementBasis(int n)
    {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, 0, 1);
            for (int j = 1; j < n; j++) {
                a.set(i, j, random.nextGaussian());
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        assertThat(qr.decompose(a)).isTrue();
        DMatrixRMaj q = qr.getQ(null, false);
        double[][] w = new double[n - 1][n];
        for (int k = 1; k < n; k++) {
            for (int i = 0; i < n; i++) {
                w[k - 1][i] = q.get(i, k);
            }
        }
        return w;
    }

    /** Σ_k λ_k w_k w_kᵀ, row-major. */
    private static double[] spectral(double[][] w, double[] lambdas)
    {
        int n = w[0].length;
        double[] h = new double[n * n];
        for (int k = 0; k < lambdas.length; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i * n + j] += lambdas[k] * w[k][i] * w[k][j];
                }
            }
        }
        return h;
    }

    private static double dot(double[] u, double[] v)
    {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double[] multiply(double[] h, double[] x)
    {
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += h[i * n + j] * x[j];
            }
        }
        return out;
    }

    private static double sum(double[] x)
    {
        double sum = 0;
        for (double value : x) {
            sum += value;
        }
        return sum;
    }
}
