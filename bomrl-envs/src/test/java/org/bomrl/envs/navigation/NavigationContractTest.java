package org.bomrl.envs.navigation;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** The default navigation family (horizon 100, goals in [−0.5, 0.5]², 3×3 test grid). */
final class NavigationContractTest
        extends EnvironmentContract<double[], double[]>
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Navigation.create(Map.of());
    }
}
