package org.bomrl.api.report;

import org.bomrl.api.Stable;

import static java.util.Objects.requireNonNull;

/**
 * One labelled curve or bar group of a figure: y = mean ± spread at each x. {@code spread} is
 * all zeros when there is no band. Arrays are copied in and out.
 */
@Stable(since = "0.1")
public record Series(String label, double[] x, double[] mean, double[] spread)
{
    public Series
    {
        requireNonNull(label, "label is null");
        x = requireNonNull(x, "x is null").clone();
        mean = requireNonNull(mean, "mean is null").clone();
        spread = requireNonNull(spread, "spread is null").clone();
        if (x.length != mean.length || x.length != spread.length) {
            throw new IllegalArgumentException("series '" + label + "' has arrays of different lengths: " + x.length + ", " + mean.length + ", " + spread.length);
        }
    }

    @Override
    public double[] x()
    {
        return x.clone();
    }

    @Override
    public double[] mean()
    {
        return mean.clone();
    }

    @Override
    public double[] spread()
    {
        return spread.clone();
    }
}
