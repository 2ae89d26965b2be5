package org.bomrl.envs.frozenlake;

import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** Gymnasium's default FrozenLake-v1: the slippery 4x4 map. */
final class FrozenLakeSlipperyContractTest
        extends EnvironmentContract<Integer, Integer>
{
    @Override
    protected TaskDistribution<Integer, Integer> distribution()
    {
        return Distributions.create("env.frozenlake", Map.of());
    }
}
