package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** The paper's low-variance distribution (spec §5a). */
final class PaperLowVarianceContractTest
        extends EnvironmentContract<Integer, Integer>
{
    @Override
    protected TaskDistribution<Integer, Integer> distribution()
    {
        return Distributions.create("env.frozenlake.paper-low-variance", Map.of());
    }
}
