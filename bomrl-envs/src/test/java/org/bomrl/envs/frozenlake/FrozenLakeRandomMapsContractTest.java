package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** Three random 5x5 maps, success rate 0.6, a reward on every kind of cell. */
final class FrozenLakeRandomMapsContractTest
        extends EnvironmentContract<Integer, Integer>
{
    @Override
    protected TaskDistribution<Integer, Integer> distribution()
    {
        return Distributions.create("env.frozenlake", Map.of("map_name", "random", "size", "5", "tasks", "3", "seed", "11", "success_rate", "0.6", "reward_schedule", "2,-1,0.5"));
    }
}
