package org.bomrl.numerics.stats;

/**
 * A two-sided interval [lower, upper] for a statistic at a confidence level (e.g. 0.95).
 */
public record ConfidenceInterval(double lower, double upper, double confidence)
{
    public ConfidenceInterval
    {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("confidence interval needs lower ≤ upper; got [" + lower + ", " + upper + "]");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1); got " + confidence);
        }
    }
}
