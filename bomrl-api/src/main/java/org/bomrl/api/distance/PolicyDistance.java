package org.bomrl.api.distance;

import io.vavr.control.Option;
import org.bomrl.api.Stable;

/**
 * A policy distance D_τ(π, π_φ) between an adapted policy π and a prior π_φ (spec §2.3). It
 * exposes one view per policy class it supports; a class it does not support is
 * {@link Option#none()}.
 */
@Stable(since = "0.1")
public interface PolicyDistance
{
    /** For tabular softmax policies. */
    default Option<TabularDistance> tabular()
    {
        return Option.none();
    }

    /** For Gaussian policies (spec §2.5). */
    default Option<GaussianDistance> gaussian()
    {
        return Option.none();
    }
}
