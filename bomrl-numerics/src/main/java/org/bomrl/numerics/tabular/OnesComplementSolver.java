package org.bomrl.numerics.tabular;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Small dense n×n linear solves with a conditioning check, for the per-state systems of the
 * tabular hypergradients (spec §3.4, §3.6, §7.4).
 *
 * <p>{@link #solveOnOnesComplement}: the softmax Hessians are singular along 1 (adding a constant
 * to all logits of a state leaves π unchanged), so with P = I − 11ᵀ/n the system is solved on
 * 1^⊥: x ∈ 1^⊥ with P H P x = P b. It is computed as the solution of
 * (PHP + (c/n)·11ᵀ) x = P b with c = σ_max(PHP), a matrix that acts as PHP on 1^⊥ and as c on 1,
 * so it is non-singular exactly when PHP is on 1^⊥ and has the same condition number there. For a
 * symmetric H this is H⁺b, the pseudo-inverse solution, whenever H1 = 0.
 *
 * <p>{@link #solve}: the plain system H x = b.
 *
 * <p>Both check the singular values (EJML SVD) first and throw {@link ArithmeticException}
 * naming the condition number when σ_min &lt; {@code 1e-12}·σ_max (σ_min over 1^⊥ for the
 * restricted solve). Matrices are n×n row-major starting at index 0 and are not modified.
 * Work matrices are allocated once: not thread-safe, one instance per thread.
 */
public final class OnesComplementSolver
{
    /** Default limit on σ_max/σ_min. */
    public static final double DEFAULT_CONDITION_LIMIT = 1e12;

    private final int n;
    private final double conditionLimit;
    private final DMatrixRMaj matrix;
    private final DMatrixRMaj svdInput;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final double[] singular;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final LinearSolverLu_DDRM lu;
    private double lastCondition = Double.NaN;

    /** A solver for n×n systems with the default condition limit 1e12. */
    public OnesComplementSolver(int dimension)
    {
        this(dimension, DEFAULT_CONDITION_LIMIT);
    }

    /** @param conditionLimit largest accepted σ_max/σ_min, at least 1 */
    public OnesComplementSolver(int dimension, double conditionLimit)
    {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        if (!(conditionLimit >= 1)) {
            throw new IllegalArgumentException("conditionLimit must be at least 1: " + conditionLimit);
        }
        this.n = dimension;
        this.conditionLimit = conditionLimit;
        this.matrix = new DMatrixRMaj(n, n);
        this.svdInput = new DMatrixRMaj(n, n);
        this.rhs = new DMatrixRMaj(n, 1);
        this.solution = new DMatrixRMaj(n, 1);
        this.singular = new double[n];
        this.svd = DecompositionFactory_DDRM.svd(n, n, false, false, true);
        this.lu = new LinearSolverLu_DDRM(new LUDecompositionAlt_DDRM());
    }

    public int dimension()
    {
        return n;
    }

    /** σ_max/σ_min of the last system checked (over 1^⊥ for the restricted solve); NaN before any. */
    public double lastConditionNumber()
    {
        return lastCondition;
    }

    /**
     * Writes x ∈ 1^⊥ with P H P x = P b into {@code x[xOffset .. xOffset+n)}, reading
     * {@code b[bOffset .. bOffset+n)}. For n = 1, 1^⊥ = {0} and x = 0.
     *
     * @throws ArithmeticException if PHP is singular or ill-conditioned on 1^⊥, or the result is not finite
     */
    public void solveOnOnesComplement(double[] h, double[] b, int bOffset, double[] x, int xOffset)
    {
        checkSizes(h, b, bOffset, x, xOffset);
        if (n == 1) {
            x[xOffset] = 0;
            lastCondition = 1;
            return;
        }
        // PHP: remove row means, column means, add back the grand mean
        double[] m = matrix.data;
        double total = 0;
        for (int i = 0; i < n * n; i++) {
            total += h[i];
        }
        double grandMean = total / (n * (double) n);
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                rowSum += h[i * n + j];
            }
            double rowMean = rowSum / n;
            for (int j = 0; j < n; j++) {
                m[i * n + j] = h[i * n + j] - rowMean + grandMean;
            }
        }
        for (int j = 0; j < n; j++) {
            double columnSum = 0;
            for (int i = 0; i < n; i++) {
                columnSum += h[i * n + j];
            }
            double columnMean = columnSum / n;
            for (int i = 0; i < n; i++) {
                m[i * n + j] -= columnMean;
            }
        }
        singularValues(matrix);
        // ascending; singular[0] belongs to the direction 1
        double largest = singular[n - 1];
        double smallest = singular[1];
        check(largest, smallest, "restricted to 1^⊥ (P H P)");
        double shift = largest / n;
        for (int i = 0; i < n * n; i++) {
            m[i] += shift;
        }
        double bMean = 0;
        for (int i = 0; i < n; i++) {
            bMean += b[bOffset + i];
        }
        bMean /= n;
        for (int i = 0; i < n; i++) {
            rhs.data[i] = b[bOffset + i] - bMean;
        }
        luSolve();
        double xMean = 0;
        for (int i = 0; i < n; i++) {
            xMean += solution.data[i];
        }
        xMean /= n;
        for (int i = 0; i < n; i++) {
            x[xOffset + i] = solution.data[i] - xMean;
        }
    }

    /** Allocating convenience form of {@link #solveOnOnesComplement(double[], double[], int, double[], int)}. */
    public double[] solveOnOnesComplement(double[] h, double[] b)
    {
        double[] x = new double[n];
        solveOnOnesComplement(h, b, 0, x, 0);
        return x;
    }

    /**
     * Writes the solution of H x = b into {@code x[xOffset .. xOffset+n)}, reading
     * {@code b[bOffset .. bOffset+n)}.
     *
     * @throws ArithmeticException if H is singular or ill-conditioned, or the result is not finite
     */
    public void solve(double[] h, double[] b, int bOffset, double[] x, int xOffset)
    {
        checkSizes(h, b, bOffset, x, xOffset);
        System.arraycopy(h, 0, matrix.data, 0, n * n);
        singularValues(matrix);
        check(singular[n - 1], singular[0], "");
        System.arraycopy(b, bOffset, rhs.data, 0, n);
        luSolve();
        System.arraycopy(solution.data, 0, x, xOffset, n);
    }

    /** Allocating convenience form of {@link #solve(double[], double[], int, double[], int)}. */
    public double[] solve(double[] h, double[] b)
    {
        double[] x = new double[n];
        solve(h, b, 0, x, 0);
        return x;
    }

    /** Fills {@link #singular} with the singular values of {@code source}, ascending. */
    private void singularValues(DMatrixRMaj source)
    {
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(source.data[i])) {
                throw new ArithmeticException("matrix entry (" + i / n + ", " + i % n + ") is not finite: " + source.data[i]);
            }
        }
        svdInput.setTo(source);
        if (!svd.decompose(svdInput)) {
            throw new ArithmeticException("singular value decomposition of a " + n + "×" + n + " matrix failed");
        }
        System.arraycopy(svd.getSingularValues(), 0, singular, 0, n);
        Arrays.sort(singular);
    }

    private void check(double largest, double smallest, String what)
    {
        lastCondition = largest / smallest;
        if (!(largest > 0) || !(smallest * conditionLimit >= largest)) {
            String space = what.isEmpty() ? "" : " " + what;
            throw new ArithmeticException("matrix" + space + " is singular or ill-conditioned: condition number " + lastCondition
                    + " (σ_max " + largest + ", σ_min " + smallest + ") exceeds " + conditionLimit);
        }
    }

    private void luSolve()
    {
        if (!lu.setA(matrix)) {
            throw new ArithmeticException("LU factorisation of a " + n + "×" + n + " matrix failed");
        }
        lu.solve(rhs, solution);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(solution.data[i])) {
                throw new ArithmeticException("solution entry " + i + " is not finite: " + solution.data[i]);
            }
        }
    }

    private void checkSizes(double[] h, double[] b, int bOffset, double[] x, int xOffset)
    {
        requireNonNull(h, "h is null");
        requireNonNull(b, "b is null");
        requireNonNull(x, "x is null");
        if (h.length < n * n) {
            throw new IllegalArgumentException("h must hold " + n + "×" + n + " entries: " + h.length);
        }
        if (bOffset < 0 || bOffset + n > b.length) {
            throw new IllegalArgumentException("b has no " + n + " entries at offset " + bOffset + ": length " + b.length);
        }
        if (xOffset < 0 || xOffset + n > x.length) {
            throw new IllegalArgumentException("x has no " + n + " entries at offset " + xOffset + ": length " + x.length);
        }
    }
}
