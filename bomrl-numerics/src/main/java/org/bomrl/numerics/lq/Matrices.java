package org.bomrl.numerics.lq;

import org.ejml.data.DMatrixRMaj;

/** Conversions between the API's row arrays and EJML matrices. */
final class Matrices
{
    private Matrices() {}

    static DMatrixRMaj of(double[][] rows)
    {
        return new DMatrixRMaj(rows);
    }

    static DMatrixRMaj column(double[] values)
    {
        DMatrixRMaj column = new DMatrixRMaj(values.length, 1);
        System.arraycopy(values, 0, column.data, 0, values.length);
        return column;
    }

    /** M ← (M + Mᵀ)/2, against round-off drift of matrices that are symmetric in exact arithmetic. */
    static void symmetrise(DMatrixRMaj matrix)
    {
        int n = matrix.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (matrix.unsafe_get(i, j) + matrix.unsafe_get(j, i));
                matrix.unsafe_set(i, j, mean);
                matrix.unsafe_set(j, i, mean);
            }
        }
    }

    /** tr(XᵀY) = Σ_ij X_ij Y_ij, which is tr(XY) when X is symmetric (and xᵀy for columns). */
    static double traceOfProduct(DMatrixRMaj x, DMatrixRMaj y)
    {
        if (x.numRows != y.numRows || x.numCols != y.numCols) {
            throw new IllegalArgumentException("shapes differ: " + x.numRows + "×" + x.numCols + " vs " + y.numRows + "×" + y.numCols);
        }
        double sum = 0;
        int size = x.getNumElements();
        for (int i = 0; i < size; i++) {
            sum += x.data[i] * y.data[i];
        }
        return sum;
    }
}
