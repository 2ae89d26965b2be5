package org.bomrl.numerics.stats;

import org.bomrl.api.context.RandomSource;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Two-sided paired sign-flip permutation test of H0: the paired differences d_i = a_i − b_i are
 * symmetric about 0 (e.g. BO-MRL and a baseline trained with the same training seed i). The
 * statistic is |d̄|; under H0 every sign pattern ε ∈ {±1}^n is equally likely, so
 * p = #{ε : |Σ ε_i d_i| ≥ |Σ d_i|} / 2^n, enumerated exactly when 2^n ≤ {@code maxPatterns};
 * otherwise B = maxPatterns random patterns give p = (1 + #{b : |Σ ε_bi d_i| ≥ |Σ d_i|}) / (1 + B).
 * Sums are compared with a relative tolerance of {@value #RELATIVE_TIE} so that patterns equal
 * to the observed one up to rounding count as ties. Stateless.
 */
public final class PairedPermutationTest
{
    /** Relative tolerance under which a permuted |Σ ε d| counts as equal to the observed one. */
    public static final double RELATIVE_TIE = 1e-12;
    private static final int MAX_EXACT_PAIRS = 30;

    private PairedPermutationTest() {}

    /**
     * @param a first method's values per unit
     * @param b second method's values per unit (same length and order)
     * @param maxPatterns the largest number of sign patterns enumerated exactly, and the number
     *        drawn otherwise (≥ 1)
     * @param random the stream the random patterns come from (unused when exact)
     * @return the two-sided p-value in (0, 1]
     */
    public static double twoSidedPValue(double[] a, double[] b, int maxPatterns, RandomSource random)
    {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        requireNonNull(random, "random is null");
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a paired test needs two samples of one non-zero length; got " + a.length + " and " + b.length);
        }
        if (maxPatterns < 1) {
            throw new IllegalArgumentException("maxPatterns must be ≥ 1; got " + maxPatterns);
        }
        int n = a.length;
        double[] d = new double[n];
        double observed = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            observed += d[i];
            scale += Math.abs(d[i]);
        }
        double threshold = Math.abs(observed) - RELATIVE_TIE * scale;
        if (n <= MAX_EXACT_PAIRS && (1L << n) <= maxPatterns) {
            long patterns = 1L << n;
            long extreme = 0;
            for (long pattern = 0; pattern < patterns; pattern++) {
                if (Math.abs(signedSum(d, pattern)) >= threshold) {
                    extreme++;
                }
            }
            return (double) extreme / patterns;
        }
        SplittableRandom generator = random.generator();
        long extreme = 0;
        for (int r = 0; r < maxPatterns; r++) {
            double sum = 0;
            for (double value : d) {
                sum += generator.nextBoolean() ? value : -value;
            }
            if (Math.abs(sum) >= threshold) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + maxPatterns);
    }

    /** Σ ε_i d_i with ε_i = −1 where bit i of {@code pattern} is set. */
    private static double signedSum(double[] d, long pattern)
    {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            sum += ((pattern >>> i) & 1L) == 0 ? d[i] : -d[i];
        }
        return sum;
    }
}
