package org.bomrl.mujoco.locomotion;

import org.bomrl.api.tck.EnvironmentContract;
import org.junit.jupiter.api.BeforeEach;


/**
 * The environment contract for a locomotion family, run only where the MuJoCo library is present
 * (CI requires that none of these tests was skipped).
 */
abstract class LocomotionContract
        extends EnvironmentContract<double[], double[]>
{
    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }
}
