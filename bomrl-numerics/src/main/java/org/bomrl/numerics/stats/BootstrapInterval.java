package org.bomrl.numerics.stats;

import org.bomrl.api.context.RandomSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Percentile bootstrap confidence interval of a mean over independent units (training seeds):
 * draw B resamples of size n with replacement, x*_b = (1/n) Σ_i x_{I_bi} with I_bi uniform on
 * {0..n−1}, and return the empirical (1−c)/2 and (1+c)/2 quantiles of {x*_b}
 * ({@link #quantile}, linear interpolation between order statistics). For large n the interval
 * approaches x̄ ± z_{(1+c)/2} σ̂/√n with the plug-in σ̂² = (1/n) Σ (x_i − x̄)². The resampling
 * indices come only from {@code random}'s generator, so the interval depends only on the data,
 * B and the stream. Stateless.
 */
public final class BootstrapInterval
{
    private BootstrapInterval() {}

    /**
     * @param sample the n ≥ 1 observed values (not modified)
     * @param resamples B ≥ 1
     * @param confidence c in (0, 1)
     */
    public static ConfidenceInterval ofMean(double[] sample, int resamples, double confidence, RandomSource random)
    {
        requireNonNull(sample, "sample is null");
        requireNonNull(random, "random is null");
        if (sample.length == 0) {
            throw new IllegalArgumentException("a bootstrap interval needs at least one value");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be ≥ 1; got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1); got " + confidence);
        }
        int n = sample.length;
        double[] means = new double[resamples];
        SplittableRandom generator = random.generator();
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sample[generator.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double alpha = (1 - confidence) / 2;
        return new ConfidenceInterval(quantile(means, alpha), quantile(means, 1 - alpha), confidence);
    }

    /**
     * The p-quantile of sorted values v_0 ≤ … ≤ v_{m−1} with linear interpolation: h = (m−1)p,
     * q = v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋) (Hyndman and Fan's type 7).
     */
    public static double quantile(double[] sorted, double p)
    {
        requireNonNull(sorted, "sorted is null");
        if (sorted.length == 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile needs values and p in [0, 1]; got " + sorted.length + " values, p = " + p);
        }
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
