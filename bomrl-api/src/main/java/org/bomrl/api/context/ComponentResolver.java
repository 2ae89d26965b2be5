package org.bomrl.api.context;

import org.bomrl.api.Stable;
import org.bomrl.api.distance.PolicyDistance;

/**
 * Lets a component use another registered component by name, e.g. BO-MRL's within-task
 * algorithm using the policy distance its settings name. Unknown names throw
 * {@link org.bomrl.api.settings.InvalidSettingException} listing the valid names.
 */
@Stable(since = "0.1")
public interface ComponentResolver
{
    /** The distance registered as {@code name}, created with its default settings. */
    PolicyDistance distance(String name);
}
