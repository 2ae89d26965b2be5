package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.tck.EnvironmentContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment contract for a locomotion family. The contract's exact-model check does not
 * apply (these tasks have no tabular model), so it is replaced by a check that none claims one.
 */
abstract class LocomotionContract
        extends EnvironmentContract<double[], double[]>
{
    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }

    @Test
    @Override
    public void exactModelMatchesTheEnvironment()
    {
        TaskDistribution<double[], double[]> distribution = distribution();
        assertThat(distribution.tabular()).as("a MuJoCo family is not tabular").isFalse();
        for (Task<double[], double[]> task : tasks()) {
            assertThat(task.exactModel().isEmpty()).as("task %s has no exact model", task.id()).isTrue();
        }
    }
}
