package org.bomrl.numerics.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/** Seeded dense test systems for the solver tests: SPD matrices MᵀM + ½I, vectors in [−1, 1)ⁿ, and a matrix as a {@link LinearOperator}. */
final class DenseSystems
{
    private DenseSystems() {}

    static DMatrixRMaj randomSpd(SplittableRandom random, int n)
    {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(m, m, a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 0.5);
        }
        return a;
    }

    static double[] randomVector(SplittableRandom random, int n)
    {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }

    static LinearOperator operator(DMatrixRMaj a)
    {
        return (x, out) -> {
            DMatrixRMaj result = new DMatrixRMaj(a.numRows, 1);
            CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(a.numCols, 1, x.clone()), result);
            System.arraycopy(result.data, 0, out, 0, a.numRows);
        };
    }
}
