package org.bomrl.numerics.stats;

import static java.util.Objects.requireNonNull;

/**
 * Mean and sample standard deviation over repetitions, per adaptation step (spec §7.1: "repeat
 * ≥ 7 times; report mean and std"). {@code values[r][k]} is repetition r's value at step k; every
 * repetition must have the same number of steps. Stateless.
 */
public final class RepetitionStatistics
{
    private RepetitionStatistics() {}

    /** mean_k = (1/R) Σ_r values[r][k]. Returns a new array. */
    public static double[] mean(double[][] values)
    {
        int steps = checkRectangular(values);
        double[] mean = new double[steps];
        for (double[] repetition : values) {
            for (int k = 0; k < steps; k++) {
                mean[k] += repetition[k];
            }
        }
        for (int k = 0; k < steps; k++) {
            mean[k] /= values.length;
        }
        return mean;
    }

    /**
     * s_k = √(Σ_r (values[r][k] − mean_k)² / (R − 1)), the sample (Bessel-corrected) standard
     * deviation; 0 for a single repetition, where it is undefined, so plots draw no band.
     * Returns a new array.
     */
    public static double[] sampleStandardDeviation(double[][] values)
    {
        double[] mean = mean(values);
        double[] deviation = new double[mean.length];
        if (values.length < 2) {
            return deviation;
        }
        for (double[] repetition : values) {
            for (int k = 0; k < mean.length; k++) {
                double difference = repetition[k] - mean[k];
                deviation[k] += difference * difference;
            }
        }
        for (int k = 0; k < mean.length; k++) {
            deviation[k] = Math.sqrt(deviation[k] / (values.length - 1));
        }
        return deviation;
    }

    private static int checkRectangular(double[][] values)
    {
        requireNonNull(values, "values is null");
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one repetition");
        }
        int steps = requireNonNull(values[0], "repetition 0 is null").length;
        for (int r = 1; r < values.length; r++) {
            requireNonNull(values[r], "repetition " + r + " is null");
            if (values[r].length != steps) {
                throw new IllegalArgumentException("repetition " + r + " has " + values[r].length + " steps, repetition 0 has " + steps);
            }
        }
        return steps;
    }
}
