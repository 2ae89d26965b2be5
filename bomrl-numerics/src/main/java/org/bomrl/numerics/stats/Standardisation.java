package org.bomrl.numerics.stats;

/**
 * Standardised values x̃_i = (x_i − x̄) / (s + ε) with the mean x̄ and the population standard
 * deviation s of the batch, ε = {@value #EPSILON} (so a constant batch maps to zeros): the
 * "normalised advantages" of policy-gradient codes (spec §7.3).
 */
public final class Standardisation
{
    /** Added to the standard deviation. */
    public static final double EPSILON = 1e-8;

    private Standardisation() {}

    /** The standardised values of {@code values}; a new array (empty for an empty batch). */
    public static double[] standardised(double[] values)
    {
        int n = values.length;
        if (n == 0) {
            return new double[0];
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= n;
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean);
        }
        double scale = 1 / (Math.sqrt(variance / n) + EPSILON);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            result[i] = (values[i] - mean) * scale;
        }
        return result;
    }
}
