package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.TaskDistribution;

import java.util.Map;

/** The environment contract for MAML's goal-velocity Ant, bounded actions, evaluation goals. */
final class AntVelMamlContractTest
        extends LocomotionContract
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Families.create("env.mujoco.ant-vel", Map.of("variant", "maml", "actions", "bounded", "test-tasks", "evaluation"));
    }
}
