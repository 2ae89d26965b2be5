package org.bomrl.envs.navigation;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** Navigation with termination near the goal, a short horizon and explicit test goals. */
final class NavigationTerminatingContractTest
        extends EnvironmentContract<double[], double[]>
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Navigation.create(Map.of("terminate_within", "0.3", "horizon", "20", "test_goals", "0.05,0.05,0.4,-0.2"));
    }
}
