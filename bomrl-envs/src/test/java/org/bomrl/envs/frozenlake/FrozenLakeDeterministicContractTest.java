package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** The deterministic 8x8 map. */
final class FrozenLakeDeterministicContractTest
        extends EnvironmentContract<Integer, Integer>
{
    @Override
    protected TaskDistribution<Integer, Integer> distribution()
    {
        return Distributions.create("env.frozenlake", Map.of("map_name", "8x8", "is_slippery", "false"));
    }
}
