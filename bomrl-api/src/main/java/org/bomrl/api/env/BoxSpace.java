package org.bomrl.api.env;

import org.bomrl.api.Stable;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/** The box {@code low ≤ x ≤ high} in R^n (bounds may be infinite). */
@Stable(since = "0.1")
public record BoxSpace(double[] low, double[] high)
        implements Space
{
    public BoxSpace
    {
        low = requireNonNull(low, "low is null").clone();
        high = requireNonNull(high, "high is null").clone();
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("box bounds must be non-empty and of equal length: " + low.length + " vs " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("box bound " + i + " is empty: " + low[i] + " > " + high[i]);
            }
        }
    }

    @Override
    public double[] low()
    {
        return low.clone();
    }

    @Override
    public double[] high()
    {
        return high.clone();
    }

    @Override
    public int dimension()
    {
        return low.length;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof BoxSpace box && Arrays.equals(low, box.low) && Arrays.equals(high, box.high);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString()
    {
        return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ")";
    }
}
