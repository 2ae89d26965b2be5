package org.bomrl.envs;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.envs.frozenlake.FrozenLakeFactories;

import java.util.List;

/**
 * The built-in environments, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.bomrl.api.BomrlPlugin} like any third-party plugin:
 * {@code env.frozenlake}, {@code env.frozenlake.paper-high-variance},
 * {@code env.frozenlake.paper-low-variance}.
 */
public final class EnvsPlugin
        implements BomrlPlugin
{
    @Override
    public List<EnvironmentFactory> environmentFactories()
    {
        return FrozenLakeFactories.all();
    }
}
