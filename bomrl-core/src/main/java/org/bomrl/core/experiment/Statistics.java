package org.bomrl.core.experiment;

/** Mean and sample standard deviation (n − 1 in the denominator; 0 for one value). */
final class Statistics
{
    private Statistics() {}

    static double mean(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    static double std(double[] values)
    {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
