package org.bomrl.envs.lq;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** The default linear-quadratic family (n = 2, m = 1, H = 50, 3×3 test grid). */
final class LinearQuadraticContractTest
        extends EnvironmentContract<double[], double[]>
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return LinearQuadratic.create(Map.of());
    }
}
