package org.bomrl.api.report;

import org.bomrl.api.Stable;

import static java.util.Objects.requireNonNull;

/**
 * An asymmetric band [lower, upper] drawn around the series of a figure labelled {@code series}
 * (at that series' x values), e.g. a 95 % confidence interval over training seeds; it replaces
 * the series' symmetric ± spread band. Arrays are copied in and out.
 */
@Stable(since = "0.2")
public record Band(String series, double[] lower, double[] upper)
{
    public Band
    {
        requireNonNull(series, "series is null");
        lower = requireNonNull(lower, "lower is null").clone();
        upper = requireNonNull(upper, "upper is null").clone();
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("band of '" + series + "' has bounds of different lengths: " + lower.length + ", " + upper.length);
        }
    }

    @Override
    public double[] lower()
    {
        return lower.clone();
    }

    @Override
    public double[] upper()
    {
        return upper.clone();
    }
}
