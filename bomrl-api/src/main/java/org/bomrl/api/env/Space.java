package org.bomrl.api.env;

import org.bomrl.api.Stable;

/** An observation or action space, as Gymnasium's {@code Discrete} and {@code Box}. */
@Stable(since = "0.1")
public sealed interface Space
        permits DiscreteSpace, BoxSpace
{
    /** Number of scalar components of one element (1 for a discrete space). */
    int dimension();
}
