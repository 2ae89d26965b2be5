package org.bomrl.numerics.neural;

/**
 * Dense matrix products C += A·B, C += Aᵀ·B and C += A·Bᵀ on packed row-major {@code double[]}
 * storage with offsets, for the batched forward and backward passes of MLP policies (spec §3.5).
 * An r×c matrix at offset o holds entry (i, j) at {@code o + i·c + j}.
 *
 * <p>Loop order: B is first packed into one array per row (transposed on the way for A·Bᵀ), and
 * each row of C is accumulated in a contiguous row buffer as c_i += Σ_{p..p+3} a_ip b_p, four
 * rows of B per pass, with the innermost loop over the columns j. Rows held as separate,
 * offset-free arrays are what lets the JIT vectorise the inner loop; the packing costs k·n copies
 * against m·k·n multiply-adds. With fewer than {@value #PACKING_MIN_ROWS} rows of C the products
 * run unpacked (matrix–vector shape); with fewer than {@value #NARROW} columns (and more rows)
 * Aᵀ·B and A·Bᵀ run as products for Cᵀ, whose rows are long enough to vectorise, with the same
 * products in the same order. Summation order is fixed by the shapes, so results are
 * deterministic; for A·Bᵀ it is also the same in both paths (c_ij += a_ip b_jp + … + a_i,p+3 b_j,p+3
 * four terms at a time, then the remainder), so a row of C does not depend on how many rows are
 * computed with it: the batched and the single-row forward passes of a policy agree bit for bit.
 *
 * <p>Not thread-safe: an instance owns its packing buffers, grown on demand and then reused, so
 * after warm-up no call allocates. The output must not overlap the inputs.
 */
public final class DenseKernels
{
    /** Below this many rows of C, products run without packing B. */
    public static final int PACKING_MIN_ROWS = 4;

    /** Below this many columns of C (and fewer than its rows), Aᵀ·B and A·Bᵀ run transposed (Cᵀ = Bᵀ·A, Cᵀ = B·Aᵀ). */
    public static final int NARROW = 32;

    /**
     * With fewer rows of C than this (a policy sampling a few states per step), A·B and A·Bᵀ keep
     * their packing of B for the next call ({@link #kept}); with more, packing costs little against
     * the product and B is packed afresh.
     */
    public static final int KEEP_BELOW_ROWS = 128;

    /** Packings of B kept for reuse by {@link #kept}. */
    private static final int KEPT = 4;

    private double[][] packed = new double[0][0];
    private final KeptPacking[] keptPackings = {new KeptPacking(), new KeptPacking(), new KeptPacking(), new KeptPacking()};
    private int nextKept;
    private double[] row = new double[0];
    private double[] transposed = new double[0];

    /** C (m×n) += A (m×k) · B (k×n). */
    public void multiply(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, int m, int k, int n)
    {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (m < PACKING_MIN_ROWS) {
            for (int i = 0; i < m; i++) {
                int ai = aOffset + i * k;
                int ci = cOffset + i * n;
                for (int p = 0; p < k; p++) {
                    double x = a[ai + p];
                    int bp = bOffset + p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += x * b[bp + j];
                    }
                }
            }
            return;
        }
        double[][] rowsOfB = m < KEEP_BELOW_ROWS ? kept(b, bOffset, k, n, false) : pack(b, bOffset, k, n, false);
        for (int i = 0; i < m; i++) {
            accumulateRow(a, aOffset + i * k, 1, rowsOfB, c, cOffset + i * n, k, n);
        }
    }

    /** C (m×n) += Aᵀ · B with A stored k×m and B stored k×n. */
    public void multiplyTransposeA(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, int m, int k, int n)
    {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (m < PACKING_MIN_ROWS) {
            for (int p = 0; p < k; p++) {
                int bp = bOffset + p * n;
                for (int i = 0; i < m; i++) {
                    double x = a[aOffset + p * m + i];
                    int ci = cOffset + i * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += x * b[bp + j];
                    }
                }
            }
            return;
        }
        if (n < NARROW && n < m) {
            multiplyTransposeANarrow(a, aOffset, b, bOffset, c, cOffset, m, k, n);
            return;
        }
        double[][] rowsOfB = pack(b, bOffset, k, n, false);
        for (int i = 0; i < m; i++) {
            accumulateRow(a, aOffset + i, m, rowsOfB, c, cOffset + i * n, k, n);
        }
    }

    /**
     * Aᵀ·B for narrow C (n &lt; {@value #NARROW} columns, e.g. the input-layer weight gradient of a
     * 17-observation policy) as Cᵀ += Bᵀ·A, whose rows are long enough to vectorise: the same
     * products b_pj a_pi = a_pi b_pj summed in the same order, so the result is bit for bit that
     * of the row-of-C loop.
     */
    private void multiplyTransposeANarrow(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, int m, int k, int n)
    {
        double[] ct = transposeOf(c, cOffset, m, n);
        double[][] rowsOfA = pack(a, aOffset, k, m, false);
        for (int j = 0; j < n; j++) {
            accumulateRow(b, bOffset + j, n, rowsOfA, ct, j * m, k, m);
        }
        transposeBack(ct, c, cOffset, m, n);
    }

    /** C (m×n) += A · Bᵀ with A stored m×k and B stored n×k. */
    public void multiplyTransposeB(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, int m, int k, int n)
    {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (m < PACKING_MIN_ROWS) {
            for (int i = 0; i < m; i++) {
                int ai = aOffset + i * k;
                int ci = cOffset + i * n;
                for (int j = 0; j < n; j++) {
                    int bj = bOffset + j * k;
                    double acc = c[ci + j];
                    int p = 0;
                    for (; p + 3 < k; p += 4) {
                        acc += a[ai + p] * b[bj + p] + a[ai + p + 1] * b[bj + p + 1] + a[ai + p + 2] * b[bj + p + 2] + a[ai + p + 3] * b[bj + p + 3];
                    }
                    for (; p < k; p++) {
                        acc += a[ai + p] * b[bj + p];
                    }
                    c[ci + j] = acc;
                }
            }
            return;
        }
        if (n < NARROW && n < m) {
            multiplyTransposeBNarrow(a, aOffset, b, bOffset, c, cOffset, m, k, n);
            return;
        }
        double[][] rowsOfBt = m < KEEP_BELOW_ROWS ? kept(b, bOffset, n, k, true) : pack(b, bOffset, n, k, true);
        for (int i = 0; i < m; i++) {
            accumulateRow(a, aOffset + i * k, 1, rowsOfBt, c, cOffset + i * n, k, n);
        }
    }

    /**
     * A·Bᵀ for narrow C (n &lt; {@value #NARROW} columns, e.g. the mean layer of a policy with a few
     * actions) as Cᵀ += B·Aᵀ: the same products b_jp a_ip = a_ip b_jp summed four at a time in the
     * same order, so every entry is bit for bit that of the row-of-C loop (and of the unpacked path).
     */
    private void multiplyTransposeBNarrow(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, int m, int k, int n)
    {
        double[] ct = transposeOf(c, cOffset, m, n);
        double[][] columnsOfA = pack(a, aOffset, m, k, true);
        for (int j = 0; j < n; j++) {
            accumulateRow(b, bOffset + j * k, 1, columnsOfA, ct, j * m, k, m);
        }
        transposeBack(ct, c, cOffset, m, n);
    }

    /** Cᵀ (n×m) of C (m×n at {@code cOffset}) in the reused buffer. */
    private double[] transposeOf(double[] c, int cOffset, int m, int n)
    {
        if (transposed.length < m * n) {
            transposed = new double[m * n];
        }
        double[] ct = transposed;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                ct[j * m + i] = c[cOffset + i * n + j];
            }
        }
        return ct;
    }

    /** C (m×n at {@code cOffset}) ← (Cᵀ)ᵀ. */
    private static void transposeBack(double[] ct, double[] c, int cOffset, int m, int n)
    {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOffset + i * n + j] = ct[j * m + i];
            }
        }
    }

    /** c_i (n values at {@code cOffset}) += Σ_p a[aStart + p·aStride] · rows[p], four rows per pass. */
    private void accumulateRow(double[] a, int aStart, int aStride, double[][] rows, double[] c, int cOffset, int k, int n)
    {
        double[] acc = row;
        System.arraycopy(c, cOffset, acc, 0, n);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            int ap = aStart + p * aStride;
            double x0 = a[ap];
            double x1 = a[ap + aStride];
            double x2 = a[ap + 2 * aStride];
            double x3 = a[ap + 3 * aStride];
            double[] b0 = rows[p];
            double[] b1 = rows[p + 1];
            double[] b2 = rows[p + 2];
            double[] b3 = rows[p + 3];
            for (int j = 0; j < n; j++) {
                acc[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
            }
        }
        for (; p < k; p++) {
            double x0 = a[aStart + p * aStride];
            double[] b0 = rows[p];
            for (int j = 0; j < n; j++) {
                acc[j] += x0 * b0[j];
            }
        }
        System.arraycopy(acc, 0, c, cOffset, n);
    }

    /**
     * {@link #pack} for a B that is often the same from call to call (the weights of a layer while a
     * batch is processed chunk by chunk, or while a policy samples step by step): one of
     * {@value #KEPT} kept packings is reused when its source array, region and orientation are the
     * same and the region's values equal the copy taken when it was packed (a sequential comparison,
     * cheaper than the packing it saves); otherwise the least recently packed one is replaced.
     */
    private double[][] kept(double[] b, int offset, int rows, int cols, boolean transpose)
    {
        int length = rows * cols;
        for (KeptPacking k : keptPackings) {
            if (k.source == b && k.offset == offset && k.rows == rows && k.cols == cols && k.transpose == transpose
                    && java.util.Arrays.equals(b, offset, offset + length, k.values, 0, length)) {
                return k.packed;
            }
        }
        KeptPacking k = keptPackings[nextKept];
        nextKept = (nextKept + 1) % KEPT;
        if (k.values.length < length) {
            k.values = new double[length];
        }
        int packedRows = transpose ? cols : rows;
        int packedCols = transpose ? rows : cols;
        if (k.packed.length < packedRows || k.packed[0].length < packedCols) {
            k.packed = new double[packedRows][packedCols];
        }
        System.arraycopy(b, offset, k.values, 0, length);
        packInto(b, offset, rows, cols, transpose, k.packed);
        k.source = b;
        k.offset = offset;
        k.rows = rows;
        k.cols = cols;
        k.transpose = transpose;
        if (row.length < packedCols) {
            row = new double[packedCols];
        }
        return k.packed;
    }

    /** A packing kept by {@link #kept}: its source region, a copy of the values it was packed from, and the packed rows. */
    private static final class KeptPacking
    {
        double[] source;
        int offset;
        int rows;
        int cols;
        boolean transpose;
        double[] values = new double[0];
        double[][] packed = new double[0][0];
    }

    /**
     * B (rows×cols at {@code offset}) as one array per row, or Bᵀ as one array per column when
     * {@code transpose}; the buffers are grown to fit and reused.
     */
    private double[][] pack(double[] b, int offset, int rows, int cols, boolean transpose)
    {
        int packedRows = transpose ? cols : rows;
        int packedCols = transpose ? rows : cols;
        if (packed.length < packedRows || packed[0].length < packedCols) {
            int r = Math.max(packedRows, packed.length);
            int c = Math.max(packedCols, packed.length == 0 ? 0 : packed[0].length);
            packed = new double[r][c];
        }
        if (row.length < packedCols) {
            row = new double[packedCols];
        }
        packInto(b, offset, rows, cols, transpose, packed);
        return packed;
    }

    private static void packInto(double[] b, int offset, int rows, int cols, boolean transpose, double[][] target)
    {
        if (transpose) {
            for (int i = 0; i < rows; i++) {
                int bi = offset + i * cols;
                for (int j = 0; j < cols; j++) {
                    target[j][i] = b[bi + j];
                }
            }
        }
        else {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(b, offset + i * cols, target[i], 0, cols);
            }
        }
    }
}
