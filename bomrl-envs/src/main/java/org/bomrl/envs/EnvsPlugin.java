package org.bomrl.envs;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.envs.frozenlake.FrozenLakeFactories;
import org.bomrl.envs.lq.LinearQuadraticFactory;
import org.bomrl.envs.navigation.NavigationFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in environments, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.bomrl.api.BomrlPlugin} like any third-party plugin:
 * {@code env.frozenlake}, {@code env.frozenlake.paper-high-variance},
 * {@code env.frozenlake.paper-low-variance}, and the continuous families {@code env.navigation-2d}
 * and {@code env.linear-quadratic}.
 */
public final class EnvsPlugin
        implements BomrlPlugin
{
    @Override
    public List<EnvironmentFactory> environmentFactories()
    {
        List<EnvironmentFactory> factories = new ArrayList<>(FrozenLakeFactories.all());
        factories.add(new NavigationFactory());
        factories.add(new LinearQuadraticFactory());
        return List.copyOf(factories);
    }
}
