package org.bomrl.numerics.stats;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The interquartile mean: the 25 % trimmed mean, IQM = (1/(n − 2t)) Σ_{i=t}^{n−t−1} x_(i) with
 * x_(0) ≤ … ≤ x_(n−1) the sorted values and t = ⌊n/4⌋ values cut from each end (for n &lt; 4 no
 * value is cut and the IQM is the mean). Robust to one outlying training seed. Stateless.
 */
public final class InterquartileMean
{
    private InterquartileMean() {}

    /** The IQM of {@code values} (n ≥ 1; not modified). */
    public static double of(double[] values)
    {
        requireNonNull(values, "values is null");
        if (values.length == 0) {
            throw new IllegalArgumentException("an interquartile mean needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int cut = sorted.length / 4;
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }
}
