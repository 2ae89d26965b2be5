package org.bomrl.numerics.tabular;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import static java.util.Objects.requireNonNull;

/**
 * Small dense n×n linear solves with a conditioning check, for the per-state systems of the
 * tabular hypergradients (spec §3.4, §3.6, §7.4).
 *
 * <p>{@link #solveOnOnesComplement}: the softmax Hessians are singular along 1 (adding a constant
 * to all logits of a state leaves π unchanged), so with P = I − 11ᵀ/n the system is solved on
 * 1^⊥: x ∈ 1^⊥ with P H P x = P b. With U the n×(n−1) orthonormal basis of 1^⊥ formed by the first
 * n−1 columns of the Householder reflection that exchanges e_n and 1/√n (so P = UUᵀ), this is
 * x = U y with the reduced (n−1)×(n−1) system (UᵀHU) y = Uᵀb, whose singular values are those of
 * PHP on 1^⊥. For a symmetric H with H1 = 0 it is H⁺b, the pseudo-inverse solution.
 *
 * <p>{@link #solve}: the plain system H x = b.
 *
 * <p>Both check the conditioning of the (reduced) matrix A before solving and throw
 * {@link ArithmeticException} naming the condition number when σ_max/σ_min exceeds
 * {@code conditionLimit} (default 1e12), or when A is singular or the result is not finite:
 * <ul>
 * <li>H symmetric up to rounding (|h_ij − h_ji| ≤ 8nε·max|h|, within any solver's backward error):
 * A is symmetrised and factorised by EJML's Cholesky. If that succeeds A is positive definite (the
 * usual case at a strict minimiser of the lower level), and κ = λ_max/λ_min ≤ ‖A‖_F·tr(A⁻¹)
 * because λ_max ≤ ‖A‖_F and 1/λ_min ≤ Σ_i 1/λ_i: a bound within the limit accepts the system
 * with no eigenvalues computed. Otherwise (bound above the limit, or A not positive definite) the
 * exact κ = max|λ|/min|λ| from EJML's symmetric eigenvalue decomposition decides, and an accepted
 * indefinite A is solved by LU.</li>
 * <li>any other H: the exact σ_max/σ_min from EJML's SVD decides, then LU.</li>
 * </ul>
 * The bound never underestimates κ (but for rounding, as in any computed κ), so no system whose κ
 * exceeds the limit is accepted: the check is as strict as a full SVD, not a pivot-ratio estimate.
 *
 * <p>Matrices are n×n row-major starting at index 0 and are not modified. Work matrices are
 * allocated once per instance (those of each system size on first use), so the usual
 * (positive definite, well-conditioned) call allocates nothing; the exact check creates its
 * eigenvalue or SV decomposition afresh each time, because EJML's QR iterations draw exceptional
 * shifts from a generator they own — results therefore depend on the arguments only, never on
 * earlier calls. Not thread-safe: use one instance per thread.
 */
public final class OnesComplementSolver
{
    /** Default limit on σ_max/σ_min. */
    public static final double DEFAULT_CONDITION_LIMIT = 1e12;

    /** |h_ij − h_ji| up to this many n·ε·max|h| is taken as rounding of a symmetric matrix (within a solver's backward error). */
    private static final double SYMMETRY_ULPS = 8;

    private final int n;
    private final double conditionLimit;
    private final DMatrixRMaj input;
    private final DMatrixRMaj vector;
    /** U, the orthonormal basis of 1^⊥ (n×(n−1)); null for n = 1. */
    private final DMatrixRMaj basis;
    /** UᵀH, (n−1)×n; null for n = 1. */
    private final DMatrixRMaj projected;
    private SmallSystem restricted;
    private SmallSystem full;
    /** The system of the last call, for {@link #lastConditionNumber()}; null before any or after n = 1. */
    private SmallSystem last;
    /** Its exact σ_max/σ_min if already computed, else NaN. */
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
        this.input = new DMatrixRMaj(n, n);
        this.vector = new DMatrixRMaj(n, 1);
        this.basis = n == 1 ? null : onesComplementBasis(n);
        this.projected = n == 1 ? null : new DMatrixRMaj(n - 1, n);
    }

    public int dimension()
    {
        return n;
    }

    /**
     * σ_max/σ_min of the last system checked (over 1^⊥ for the restricted solve), exact; NaN before
     * any. Computed on first request when the solve accepted the system by its bound.
     */
    public double lastConditionNumber()
    {
        if (Double.isNaN(lastCondition) && last != null) {
            lastCondition = last.conditionNumber("");
        }
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
        last = null;
        lastCondition = Double.NaN;
        if (n == 1) {
            x[xOffset] = 0;
            lastCondition = 1;
            return;
        }
        boolean symmetric = load(h);
        if (restricted == null) {
            restricted = new SmallSystem(n - 1);
        }
        // A = UᵀHU, c = Uᵀb
        CommonOps_DDRM.multTransA(basis, input, projected);
        CommonOps_DDRM.mult(projected, basis, restricted.matrix);
        System.arraycopy(b, bOffset, vector.data, 0, n);
        CommonOps_DDRM.multTransA(basis, vector, restricted.rhs);
        restricted.solve(symmetric, " restricted to 1^⊥ (UᵀHU)");
        // x = Uy, then x ← Px to drop the rounding left along 1
        CommonOps_DDRM.mult(basis, restricted.solution, vector);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += vector.data[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            x[xOffset + i] = vector.data[i] - mean;
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
        last = null;
        lastCondition = Double.NaN;
        boolean symmetric = load(h);
        if (full == null) {
            full = new SmallSystem(n);
        }
        full.matrix.setTo(input);
        System.arraycopy(b, bOffset, full.rhs.data, 0, n);
        full.solve(symmetric, "");
        System.arraycopy(full.solution.data, 0, x, xOffset, n);
    }

    /** Allocating convenience form of {@link #solve(double[], double[], int, double[], int)}. */
    public double[] solve(double[] h, double[] b)
    {
        double[] x = new double[n];
        solve(h, b, 0, x, 0);
        return x;
    }

    /** Copies h into {@link #input} after checking it is finite; returns whether it is symmetric up to rounding. */
    private boolean load(double[] h)
    {
        double largest = 0;
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("matrix entry (" + i / n + ", " + i % n + ") is not finite: " + h[i]);
            }
            largest = Math.max(largest, Math.abs(h[i]));
        }
        System.arraycopy(h, 0, input.data, 0, n * n);
        double tolerance = SYMMETRY_ULPS * n * Math.ulp(1.0) * largest;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!(Math.abs(h[i * n + j] - h[j * n + i]) <= tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** U = {@link OnesComplementBasis#householder} as an n×(n−1) matrix. */
    private static DMatrixRMaj onesComplementBasis(int n)
    {
        OnesComplementBasis basis = OnesComplementBasis.householder(n);
        DMatrixRMaj u = new DMatrixRMaj(n, n - 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n - 1; j++) {
                u.set(i, j, basis.entry(i, j));
            }
        }
        return u;
    }

    /** One m×m system A y = c: A in {@link #matrix} and c in {@link #rhs} are filled by the caller. */
    private final class SmallSystem
    {
        private final int m;
        private final DMatrixRMaj matrix;
        /** The Cholesky factor. */
        private final DMatrixRMaj factor;
        private final DMatrixRMaj inverse;
        /** Input of the eigenvalue or SV decomposition, which overwrite it. */
        private final DMatrixRMaj scratch;
        private final DMatrixRMaj rhs;
        private final DMatrixRMaj solution;
        private final LinearSolverChol_DDRM cholesky;
        private final LinearSolverLu_DDRM lu;
        private boolean symmetric;
        private double largest;
        private double smallest;

        private SmallSystem(int m)
        {
            this.m = m;
            this.matrix = new DMatrixRMaj(m, m);
            this.factor = new DMatrixRMaj(m, m);
            this.inverse = new DMatrixRMaj(m, m);
            this.scratch = new DMatrixRMaj(m, m);
            this.rhs = new DMatrixRMaj(m, 1);
            this.solution = new DMatrixRMaj(m, 1);
            this.cholesky = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
            this.lu = new LinearSolverLu_DDRM(new LUDecompositionAlt_DDRM());
        }

        /** Checks the conditioning of A as the class comment describes and writes y into {@link #solution}. */
        private void solve(boolean isSymmetric, String what)
        {
            symmetric = isSymmetric;
            last = this;
            if (symmetric) {
                symmetrise();
                factor.setTo(matrix);
                boolean definite = cholesky.setA(factor);
                if (definite) {
                    cholesky.invert(inverse);
                }
                // κ ≤ ‖A‖_F·tr(A⁻¹) for a positive definite A; NaN or above the limit: exact check
                if (!(definite && CommonOps_DDRM.trace(inverse) * NormOps_DDRM.normF(matrix) <= conditionLimit)) {
                    check(what);
                }
                if (definite) {
                    cholesky.solve(rhs, solution);
                }
                else {
                    luSolve(what);
                }
            }
            else {
                check(what);
                luSolve(what);
            }
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(solution.data[i])) {
                    throw new ArithmeticException("solution entry " + i + " is not finite: " + solution.data[i]);
                }
            }
        }

        /** A ← (A + Aᵀ)/2. */
        private void symmetrise()
        {
            double[] a = matrix.data;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < i; j++) {
                    double mean = 0.5 * (a[i * m + j] + a[j * m + i]);
                    a[i * m + j] = mean;
                    a[j * m + i] = mean;
                }
            }
        }

        /** Sets {@link #lastCondition} to the exact σ_max/σ_min of A and throws if it exceeds the limit. */
        private void check(String what)
        {
            lastCondition = conditionNumber(what);
            if (!(largest > 0) || !(smallest * conditionLimit >= largest)) {
                throw new ArithmeticException("matrix" + what + " is singular or ill-conditioned: condition number " + lastCondition
                        + " (σ_max " + largest + ", σ_min " + smallest + ") exceeds " + conditionLimit);
            }
        }

        /** The exact σ_max/σ_min of A (σ_i = |λ_i| when symmetric), also left in {@link #largest} and {@link #smallest}. */
        private double conditionNumber(String what)
        {
            largest = 0;
            smallest = Double.POSITIVE_INFINITY;
            scratch.setTo(matrix);
            // fresh decompositions: EJML's QR iterations draw exceptional shifts from a generator they own
            if (symmetric) {
                EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(m, false, true);
                if (!eigen.decompose(scratch)) {
                    throw new ArithmeticException("symmetric eigenvalue decomposition of a " + m + "×" + m + " matrix" + what + " failed");
                }
                for (int i = 0; i < m; i++) {
                    double sigma = Math.abs(eigen.getEigenvalue(i).real);
                    largest = Math.max(largest, sigma);
                    smallest = Math.min(smallest, sigma);
                }
            }
            else {
                SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, m, false, false, true);
                if (!svd.decompose(scratch)) {
                    throw new ArithmeticException("singular value decomposition of a " + m + "×" + m + " matrix" + what + " failed");
                }
                double[] singular = svd.getSingularValues();
                for (int i = 0; i < m; i++) {
                    largest = Math.max(largest, singular[i]);
                    smallest = Math.min(smallest, singular[i]);
                }
            }
            return largest / smallest;
        }

        private void luSolve(String what)
        {
            if (!lu.setA(matrix)) {
                throw new ArithmeticException("LU factorisation of a " + m + "×" + m + " matrix" + what + " failed");
            }
            lu.solve(rhs, solution);
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
