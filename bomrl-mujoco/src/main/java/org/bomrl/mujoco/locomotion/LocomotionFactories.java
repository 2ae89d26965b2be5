package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.mujoco.bridge.MjModel;

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

    /**
     * The process-wide model a family's environments step (e.g. for benchmarks against a plain C loop).
     *
     * @param family {@code half-cheetah-vel}, {@code half-cheetah-dir}, {@code ant-vel} or {@code ant-dir}
     * @throws IllegalArgumentException for another family; {@link IllegalStateException} without MuJoCo
     */
    public static MjModel model(String family)
    {
        return Variants.of(family).get(0).robot().model();
    }
}
