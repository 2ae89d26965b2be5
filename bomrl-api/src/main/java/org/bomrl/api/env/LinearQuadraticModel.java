package org.bomrl.api.env;

import org.bomrl.api.Experimental;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The exact model of a linear-quadratic task, a task capability ({@link Task#capability}):
 * x_{t+1} = A x_t + B u_t + w_t with w_t ∼ N(0, Σ_w), reward r_t = −(x_tᵀ Q x_t + u_tᵀ R u_t),
 * x_0 ∼ N(m_0, Σ_0), return Σ_{t=0}^{H−1} γ^t r_t. States are in R^n, actions in R^m. Matrices are
 * given as rows; the record copies them in and out, so it is immutable and thread-safe.
 *
 * @param a A, n×n
 * @param b B, n×m
 * @param q Q, n×n, symmetric with a non-negative diagonal (positive semi-definite in use)
 * @param r R, m×m, symmetric with a positive diagonal (positive definite in use)
 * @param sigmaW Σ_w, n×n noise covariance, symmetric with a non-negative diagonal
 * @param m0 m_0, the initial mean, n values
 * @param sigma0 Σ_0, n×n initial covariance, symmetric with a non-negative diagonal
 * @param gamma discount γ ∈ [0, 1]
 * @param horizon H ≥ 1 steps
 */
@Experimental(since = "0.2")
public record LinearQuadraticModel(double[][] a, double[][] b, double[][] q, double[][] r, double[][] sigmaW, double[] m0, double[][] sigma0, double gamma,
        int horizon)
{
    public LinearQuadraticModel
    {
        a = copy(a, "A");
        int n = a.length;
        b = copy(b, "B");
        q = copy(q, "Q");
        r = copy(r, "R");
        sigmaW = copy(sigmaW, "Σ_w");
        sigma0 = copy(sigma0, "Σ_0");
        m0 = requireNonNull(m0, "m0 is null").clone();
        if (n == 0) {
            throw new IllegalArgumentException("A has no rows: the state dimension must be at least 1");
        }
        shape(a, "A", n, n);
        if (b.length != n || b[0].length == 0) {
            throw new IllegalArgumentException("B must be " + n + "×m with m ≥ 1, got " + b.length + " rows");
        }
        int m = b[0].length;
        shape(b, "B", n, m);
        shape(q, "Q", n, n);
        shape(r, "R", m, m);
        shape(sigmaW, "Σ_w", n, n);
        shape(sigma0, "Σ_0", n, n);
        if (m0.length != n) {
            throw new IllegalArgumentException("m0 must have " + n + " values, got " + m0.length);
        }
        for (double value : m0) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("m0 has a non-finite value: " + Arrays.toString(m0));
            }
        }
        symmetric(q, "Q", false);
        symmetric(r, "R", true);
        symmetric(sigmaW, "Σ_w", false);
        symmetric(sigma0, "Σ_0", false);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma = " + gamma + " is not a discount in [0, 1]");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon = " + horizon + " must be at least 1 step");
        }
    }

    /** n, the state dimension. */
    public int stateDimension()
    {
        return a.length;
    }

    /** m, the action dimension. */
    public int actionDimension()
    {
        return b[0].length;
    }

    @Override
    public double[][] a()
    {
        return copy(a, "A");
    }

    @Override
    public double[][] b()
    {
        return copy(b, "B");
    }

    @Override
    public double[][] q()
    {
        return copy(q, "Q");
    }

    @Override
    public double[][] r()
    {
        return copy(r, "R");
    }

    @Override
    public double[][] sigmaW()
    {
        return copy(sigmaW, "Σ_w");
    }

    @Override
    public double[] m0()
    {
        return m0.clone();
    }

    @Override
    public double[][] sigma0()
    {
        return copy(sigma0, "Σ_0");
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof LinearQuadraticModel model && Arrays.deepEquals(a, model.a) && Arrays.deepEquals(b, model.b)
                && Arrays.deepEquals(q, model.q) && Arrays.deepEquals(r, model.r) && Arrays.deepEquals(sigmaW, model.sigmaW)
                && Arrays.equals(m0, model.m0) && Arrays.deepEquals(sigma0, model.sigma0)
                && Double.compare(gamma, model.gamma) == 0 && horizon == model.horizon;
    }

    @Override
    public int hashCode()
    {
        int hash = Arrays.deepHashCode(new Object[] {a, b, q, r, sigmaW, m0, sigma0});
        return 31 * (31 * hash + Double.hashCode(gamma)) + horizon;
    }

    @Override
    public String toString()
    {
        return "LinearQuadraticModel[A=" + Arrays.deepToString(a) + ", B=" + Arrays.deepToString(b) + ", Q=" + Arrays.deepToString(q) + ", R="
                + Arrays.deepToString(r) + ", Σ_w=" + Arrays.deepToString(sigmaW) + ", m0=" + Arrays.toString(m0) + ", Σ_0="
                + Arrays.deepToString(sigma0) + ", γ=" + gamma + ", H=" + horizon + "]";
    }

    private static double[][] copy(double[][] matrix, String name)
    {
        requireNonNull(matrix, name + " is null");
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = requireNonNull(matrix[i], name + " row " + i + " is null").clone();
        }
        return copy;
    }

    private static void shape(double[][] matrix, String name, int rows, int columns)
    {
        if (matrix.length != rows) {
            throw new IllegalArgumentException(name + " must be " + rows + "×" + columns + ", got " + matrix.length + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (matrix[i].length != columns) {
                throw new IllegalArgumentException(name + " must be " + rows + "×" + columns + ", row " + i + " has " + matrix[i].length + " values");
            }
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + matrix[i][j] + " is not finite");
                }
            }
        }
    }

    private static void symmetric(double[][] matrix, String name, boolean positiveDiagonal)
    {
        for (int i = 0; i < matrix.length; i++) {
            double diagonal = matrix[i][i];
            if (positiveDiagonal ? !(diagonal > 0) : !(diagonal >= 0)) {
                throw new IllegalArgumentException(name + "[" + i + "][" + i + "] = " + diagonal + " must be " + (positiveDiagonal ? "positive" : "non-negative"));
            }
            for (int j = 0; j < i; j++) {
                if (matrix[i][j] != matrix[j][i]) {
                    throw new IllegalArgumentException(name + " is not symmetric: [" + i + "][" + j + "] = " + matrix[i][j] + " vs [" + j + "][" + i + "] = "
                            + matrix[j][i]);
                }
            }
        }
    }
}
