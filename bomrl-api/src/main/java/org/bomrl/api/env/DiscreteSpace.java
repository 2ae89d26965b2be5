package org.bomrl.api.env;

import org.bomrl.api.Stable;

/** The integers {@code 0 … n-1}. */
@Stable(since = "0.1")
public record DiscreteSpace(int n)
        implements Space
{
    public DiscreteSpace
    {
        if (n < 1) {
            throw new IllegalArgumentException("discrete space size must be positive: " + n);
        }
    }

    @Override
    public int dimension()
    {
        return 1;
    }

    /** Whether {@code value} is an element. */
    public boolean contains(int value)
    {
        return value >= 0 && value < n;
    }
}
