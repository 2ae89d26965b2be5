package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

    private final SplittableRandom random = RandomSource.seeded(3L).derive("ones-complement").generator();

    @Test
    void symmetricSoftmaxHessianEqualsPseudoInverseSolution()
    {
        // the Alg(1) lower-level Hessian of spec §3.6: H = λF(π) − M(π, q), singular along 1
        double[] pi = RandomMdps.softmax(RandomMdps.logits(random, ACTIONS), 1, ACTIONS);
        double[] q = RandomMdps.logits(random, ACTIONS);
        double[] f = new double[ACTIONS * ACTIONS];
        double[] m = new double[ACTIONS * ACTIONS];
        SoftmaxDerivatives.jacobian(pi, 0, ACTIONS, f);
        SoftmaxDerivatives.surrogateHessian(pi, q, 0, ACTIONS, m);
        double[] h = new double[ACTIONS * ACTIONS];
        for (int i = 0; i < h.length; i++) {
            h[i] = LAMBDA * f[i] - 0.1 * m[i];
        }
        double[] b = RandomMdps.logits(random, ACTIONS);

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
        double[] h = RandomMdps.logits(random, ACTIONS * ACTIONS);
        for (int i = 0; i < ACTIONS; i++) {
            h[i * ACTIONS + i] += 5;
        }
        double[] b = RandomMdps.logits(random, ACTIONS);
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
        double[] h = RandomMdps.logits(random, ACTIONS * ACTIONS);
        for (int i = 0; i < ACTIONS; i++) {
            h[i * ACTIONS + i] += 4;
        }
        double[] b = RandomMdps.logits(random, ACTIONS);
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
