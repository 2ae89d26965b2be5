package org.bomrl.mujoco;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.mujoco.locomotion.LocomotionFactories;

import java.util.List;

/**
 * The MuJoCo locomotion families, found by {@link java.util.ServiceLoader}:
 * {@code env.mujoco.half-cheetah-vel}, {@code env.mujoco.half-cheetah-dir}, {@code env.mujoco.ant-vel},
 * {@code env.mujoco.ant-dir}. They are listed everywhere; creating one needs the system MuJoCo library.
 */
public final class MujocoPlugin
        implements BomrlPlugin
{
    @Override
    public List<EnvironmentFactory> environmentFactories()
    {
        return LocomotionFactories.all();
    }
}
