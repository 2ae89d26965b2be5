package org.bomrl.numerics.neural;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DenseKernelsTest
{
    /** The kernels sum in a different order from the naive loops: allow a few ulps of the k-term sums (|terms| ≤ 1, k ≤ 70). */
    private static final double SUM_ORDER_TOLERANCE = 1e-13;

    /** Shapes straddling the unpacked (m < 4) and packed paths, k not a multiple of 4, and buffers grown then reused. */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 4, 4}, {9, 13, 6}, {37, 70, 11}, {5, 2, 64}, {2, 67, 3}, {64, 17, 128}, {6, 9, 1}};

    private final SplittableRandom random = RandomSource.seeded(2024).derive("dense-kernels").generator();

    @Test
    void multiplyMatchesNaiveTripleLoop()
    {
        DenseKernels kernels = new DenseKernels();
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = filled(3 + m * k);
            double[] b = filled(5 + k * n);
            double[] c = filled(2 + m * n);
            double[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        expected[2 + i * n + j] += a[3 + i * k + p] * b[5 + p * n + j];
                    }
                }
            }
            kernels.multiply(a, 3, b, 5, c, 2, m, k, n);
            assertThat(c).as("A·B %dx%dx%d", m, k, n).containsExactly(expected, within(SUM_ORDER_TOLERANCE));
        }
    }

    @Test
    void multiplyTransposeAMatchesNaiveTripleLoop()
    {
        DenseKernels kernels = new DenseKernels();
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = filled(1 + k * m);
            double[] b = filled(4 + k * n);
            double[] c = filled(7 + m * n);
            double[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        expected[7 + i * n + j] += a[1 + p * m + i] * b[4 + p * n + j];
                    }
                }
            }
            kernels.multiplyTransposeA(a, 1, b, 4, c, 7, m, k, n);
            assertThat(c).as("Aᵀ·B %dx%dx%d", m, k, n).containsExactly(expected, within(SUM_ORDER_TOLERANCE));
        }
    }

    @Test
    void multiplyTransposeBMatchesNaiveTripleLoop()
    {
        DenseKernels kernels = new DenseKernels();
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = filled(2 + m * k);
            double[] b = filled(3 + n * k);
            double[] c = filled(1 + m * n);
            double[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        expected[1 + i * n + j] += a[2 + i * k + p] * b[3 + j * k + p];
                    }
                }
            }
            kernels.multiplyTransposeB(a, 2, b, 3, c, 1, m, k, n);
            assertThat(c).as("A·Bᵀ %dx%dx%d", m, k, n).containsExactly(expected, within(SUM_ORDER_TOLERANCE));
        }
    }

    /**
     * The narrow paths (C with fewer than {@link DenseKernels#NARROW} columns, run as Cᵀ) against
     * the summation the row-of-C loop defines: c_ij + Σ over groups of four p of the four products,
     * then the remainder — equal bit for bit, and A·Bᵀ equal to row-at-a-time (unpacked) calls.
     */
    @Test
    void narrowProductsSumInTheRowOfCOrder()
    {
        DenseKernels kernels = new DenseKernels();
        for (int[] shape : new int[][] {{256, 128, 6}, {128, 258, 17}, {40, 7, 3}, {33, 31, 31}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = filled(k * m);
            double[] b = filled(k * n);
            double[] c = filled(m * n);
            double[] expected = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = c[i * n + j];
                    int p = 0;
                    for (; p + 3 < k; p += 4) {
                        acc += a[p * m + i] * b[p * n + j] + a[(p + 1) * m + i] * b[(p + 1) * n + j] + a[(p + 2) * m + i] * b[(p + 2) * n + j]
                                + a[(p + 3) * m + i] * b[(p + 3) * n + j];
                    }
                    for (; p < k; p++) {
                        acc += a[p * m + i] * b[p * n + j];
                    }
                    expected[i * n + j] = acc;
                }
            }
            double[] transposeA = c.clone();
            kernels.multiplyTransposeA(a, 0, b, 0, transposeA, 0, m, k, n);
            assertThat(transposeA).as("Aᵀ·B %dx%dx%d", m, k, n).isEqualTo(expected);

            double[] rowsA = filled(m * k);
            double[] rowsB = filled(n * k);
            double[] batched = c.clone();
            kernels.multiplyTransposeB(rowsA, 0, rowsB, 0, batched, 0, m, k, n);
            double[] single = c.clone();
            for (int i = 0; i < m; i++) {
                kernels.multiplyTransposeB(rowsA, i * k, rowsB, 0, single, i * n, 1, k, n);
            }
            assertThat(batched).as("A·Bᵀ %dx%dx%d batched vs one row at a time", m, k, n).isEqualTo(single);
        }
    }

    /** Kept packings of B are reused only while B's values are unchanged, whatever the order of the operands. */
    @Test
    void keptPackingsFollowChangesToB()
    {
        DenseKernels kept = new DenseKernels();
        int m = 8;
        int k = 12;
        int n = 40;
        double[] a = filled(m * k);
        double[] weights = filled(6 * k * n);
        for (int round = 0; round < 3; round++) {
            for (int layer = 0; layer < 6; layer++) {
                double[] c = new double[m * n];
                double[] expected = new double[m * n];
                kept.multiply(a, 0, weights, layer * k * n, c, 0, m, k, n);
                new DenseKernels().multiply(a, 0, weights, layer * k * n, expected, 0, m, k, n);
                assertThat(c).as("A·B, round %d, block %d", round, layer).isEqualTo(expected);
                double[] ct = new double[m * k];
                double[] expectedT = new double[m * k];
                kept.multiplyTransposeB(filledLike(a, 1), 0, weights, layer * k * n, ct, 0, m, n, k);
                new DenseKernels().multiplyTransposeB(filledLike(a, 1), 0, weights, layer * k * n, expectedT, 0, m, n, k);
                assertThat(ct).as("A·Bᵀ, round %d, block %d", round, layer).isEqualTo(expectedT);
            }
            weights[round * 7 + 3] += 0.5;
        }
    }

    private static double[] filledLike(double[] a, double scale)
    {
        double[] x = new double[a.length / 12 * 40];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale * a[i % a.length] - 0.25;
        }
        return x;
    }

    @Test
    void entriesOutsideTheOutputAreUntouched()
    {
        DenseKernels kernels = new DenseKernels();
        double[] a = filled(12);
        double[] b = filled(12);
        double[] c = new double[20];
        java.util.Arrays.fill(c, 7);
        kernels.multiply(a, 0, b, 0, c, 4, 4, 3, 3);
        for (int i = 0; i < 4; i++) {
            assertThat(c[i]).isEqualTo(7);
        }
        for (int i = 16; i < 20; i++) {
            assertThat(c[i]).isEqualTo(7);
        }
    }

    private double[] filled(int length)
    {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }
}
