package org.bomrl.api.env;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Stable;

/** Makes a task distribution; names start with {@code env.}. */
@Stable(since = "0.1")
public interface EnvironmentFactory
        extends ComponentFactory<TaskDistribution<?, ?>>
{
}
