package org.bomrl.api.adapt;

import io.vavr.control.Option;
import org.bomrl.api.Stable;

/**
 * A within-task adaptation algorithm with the meta-update it pairs with, in one view per policy
 * class it supports; a class it does not support is {@link Option#none()}.
 */
@Stable(since = "0.1")
public interface AdaptationAlgorithm
{
    /** For tabular softmax policies. */
    default Option<TabularAdaptation> tabular()
    {
        return Option.none();
    }

    /** For Gaussian policies (spec §2.5, §3.5). */
    default Option<GaussianAdaptation> gaussian()
    {
        return Option.none();
    }
}
