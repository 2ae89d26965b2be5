package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.TaskDistribution;

import java.util.Map;

/** The environment contract for BO-MRL's goal-velocity Ant. */
final class AntVelContractTest
        extends LocomotionContract
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Families.create("env.mujoco.ant-vel", Map.of("variant", "bomrl"));
    }
}
