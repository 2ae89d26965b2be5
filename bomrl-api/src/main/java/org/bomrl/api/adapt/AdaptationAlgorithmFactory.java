package org.bomrl.api.adapt;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Stable;

/** Makes an adaptation algorithm; names start with {@code adapt.}. */
@Stable(since = "0.1")
public interface AdaptationAlgorithmFactory
        extends ComponentFactory<AdaptationAlgorithm>
{
}
