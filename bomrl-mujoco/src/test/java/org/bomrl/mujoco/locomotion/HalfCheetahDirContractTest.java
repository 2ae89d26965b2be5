package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.TaskDistribution;

import java.util.Map;

/** The environment contract for BO-MRL's goal-direction Half-Cheetah. */
final class HalfCheetahDirContractTest
        extends LocomotionContract
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Families.create("env.mujoco.half-cheetah-dir", Map.of("variant", "bomrl"));
    }
}
