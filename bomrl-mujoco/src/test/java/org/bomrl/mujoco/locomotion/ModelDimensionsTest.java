package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.Environment;
import org.bomrl.mujoco.bridge.MjModel;
import org.bomrl.mujoco.bridge.MjSim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Model sizes and observation layouts against the facts of mujoco-tasks.md. */
final class ModelDimensionsTest
{
    private static final double MASS_TOLERANCE = 1e-9;
    private static final long SEED = 3L;

    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }

    @Test
    void halfCheetahHasNineCoordinatesSixMotorsAndFourteenKilograms()
    {
        MjModel model = Robot.HALF_CHEETAH.model();
        assertThat(new int[] {model.nq(), model.nv(), model.nu(), model.nbody()}).containsExactly(9, 9, 6, 8);
        assertThat(model.timestep()).isEqualTo(0.01);
        assertThat(model.totalMass()).isCloseTo(14.0, within(MASS_TOLERANCE));
        assertThat(model.bodyId("torso")).isEqualTo(Robot.TORSO);
    }

    @Test
    void antHasFifteenCoordinatesFourteenDofsEightMotorsFourteenBodies()
    {
        MjModel model = Robot.ANT.model();
        assertThat(new int[] {model.nq(), model.nv(), model.nu(), model.nbody()}).containsExactly(15, 14, 8, 14);
        assertThat(model.timestep()).isEqualTo(0.01);
        assertThat(model.bodyId("torso")).isEqualTo(Robot.TORSO);
        // density 5 over a sphere of radius 0.25 and twelve capsules of radius 0.08
        double sphere = 4.0 / 3.0 * Math.PI * Math.pow(0.25, 3);
        double capsule = 4.0 / 3.0 * Math.PI * Math.pow(0.08, 3);
        double shortLength = Math.hypot(0.2, 0.2);
        double longLength = Math.hypot(0.4, 0.4);
        double cylinders = Math.PI * 0.08 * 0.08 * (8 * shortLength + 4 * longLength);
        assertThat(model.totalMass()).isCloseTo(5.0 * (sphere + 12 * capsule + cylinders), within(MASS_TOLERANCE));
    }

    @Test
    void observationSizesOfEveryLayout()
    {
        assertSizes("env.mujoco.half-cheetah-vel", "bomrl", 17, 6);
        assertSizes("env.mujoco.half-cheetah-vel", "maml", 20, 6);
        assertSizes("env.mujoco.half-cheetah-dir", "promp", 17, 6);
        assertSizes("env.mujoco.ant-vel", "bomrl", 27, 8);
        assertSizes("env.mujoco.ant-vel", "maml", 111, 8);
        assertSizes("env.mujoco.ant-dir", "promp", 111, 8);
    }

    @Test
    void halfCheetahObservationIsQposWithoutXThenQvel()
    {
        try (Environment<double[], double[]> environment = environment("env.mujoco.half-cheetah-vel", "bomrl")) {
            double[] observation = environment.reset(SEED);
            MjSim sim = ((LocomotionEnvironment) environment).simulation();
            for (int i = 1; i < 9; i++) {
                assertThat(observation[i - 1]).as("qpos[%d]", i).isEqualTo(sim.qpos(i));
            }
            for (int i = 0; i < 9; i++) {
                assertThat(observation[8 + i]).as("qvel[%d]", i).isEqualTo(sim.qvel(i));
            }
        }
    }

    @Test
    void antContactObservationEndsWithClippedContactForces()
    {
        try (Environment<double[], double[]> environment = environment("env.mujoco.ant-vel", "maml")) {
            environment.reset(SEED);
            double[] observation = null;
            for (int t = 0; t < 20; t++) {
                observation = environment.step(new double[8]).observation();
            }
            MjSim sim = ((LocomotionEnvironment) environment).simulation();
            assertThat(observation[0]).as("torso height qpos[2]").isEqualTo(sim.qpos(2));
            double sum = 0;
            for (int b = 0; b < 14; b++) {
                for (int k = 0; k < 6; k++) {
                    double expected = Math.max(-1, Math.min(1, sim.cfrcExt(b, k)));
                    assertThat(observation[27 + 6 * b + k]).as("clip(cfrc_ext[%d][%d])", b, k).isEqualTo(expected);
                    sum += Math.abs(sim.cfrcExt(b, k));
                }
            }
            assertThat(sum).as("the standing ant has contact forces (mj_rnePostConstraint ran)").isPositive();
        }
    }

    private static void assertSizes(String family, String variant, int observations, int actions)
    {
        try (Environment<double[], double[]> environment = environment(family, variant)) {
            assertThat(environment.observationSpace().dimension()).as("%s/%s observations", family, variant).isEqualTo(observations);
            assertThat(environment.actionSpace().dimension()).as("%s/%s actions", family, variant).isEqualTo(actions);
            assertThat(environment.reset(SEED)).hasSize(observations);
            assertThat(environment.step(new double[actions]).observation()).hasSize(observations);
        }
    }

    static Environment<double[], double[]> environment(String family, String variant)
    {
        return Families.create(family, Map.of("variant", variant)).testTasks().get(0).newEnvironment();
    }
}
