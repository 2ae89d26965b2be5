package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.TaskDistribution;

import java.util.Map;

/** The environment contract for BO-MRL's goal-velocity Half-Cheetah. */
final class HalfCheetahVelContractTest
        extends LocomotionContract
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Families.create("env.mujoco.half-cheetah-vel", Map.of("variant", "bomrl"));
    }
}
