package org.bomrl.api.distance;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Stable;

/** Makes a policy distance; names start with {@code distance.}. */
@Stable(since = "0.1")
public interface PolicyDistanceFactory
        extends ComponentFactory<PolicyDistance>
{
}
