package org.bomrl.envs.lq;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** A larger linear-quadratic family: n = 4, m = 2, a 2×2 test grid. */
final class LinearQuadraticWideContractTest
        extends EnvironmentContract<double[], double[]>
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return LinearQuadratic.create(Map.of("state_dim", "4", "action_dim", "2", "test_grid", "2", "horizon", "30"));
    }
}
