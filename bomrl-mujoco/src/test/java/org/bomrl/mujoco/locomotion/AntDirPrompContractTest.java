package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.TaskDistribution;

import java.util.Map;

/** The environment contract for ProMP's goal-direction Ant: 111 observations, contact cost, termination. */
final class AntDirPrompContractTest
        extends LocomotionContract
{
    @Override
    protected TaskDistribution<double[], double[]> distribution()
    {
        return Families.create("env.mujoco.ant-dir", Map.of("variant", "promp"));
    }
}
