package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.EnvironmentFactory;

import java.util.List;

/**
 * The four locomotion families: {@code env.mujoco.half-cheetah-vel}, {@code env.mujoco.half-cheetah-dir},
 * {@code env.mujoco.ant-vel}, {@code env.mujoco.ant-dir}.
 */
public final class LocomotionFactories
{
    private LocomotionFactories() {}

    public static List<EnvironmentFactory> all()
    {
        return Variants.families().stream().<EnvironmentFactory>map(LocomotionFactory::new).toList();
    }
}
