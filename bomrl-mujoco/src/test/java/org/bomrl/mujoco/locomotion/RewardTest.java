package org.bomrl.mujoco.locomotion;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.mujoco.bridge.MjSim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rewards recomputed by hand from the recorded states, with the coefficients of spec §5b and
 * mujoco-tasks.md written out here: r = forward − c_ctrl‖a‖² − c_contact Σ clip(cfrc_ext, −1, 1)² + bonus,
 * v = Δx / 0.05 s (x = qpos[0] for Half-Cheetah, the torso frame's x for Ant).
 */
final class RewardTest
{
    private static final double DT = 0.05;
    private static final int STEPS = 60;
    private static final double TOLERANCE = 1e-12;

    @BeforeEach
    void requireMujoco()
    {
        Families.assumeNative();
    }

    @ParameterizedTest
    @CsvSource({
            "half-cheetah-vel, bomrl, 0.05, 0, 0, NaN, NaN",
            "half-cheetah-vel, promp, 0.05, 0, 0, NaN, NaN",
            "half-cheetah-vel, maml, 0.05, 0, 0, NaN, NaN",
            "half-cheetah-dir, bomrl, 0.05, 0, 0, NaN, NaN",
            "half-cheetah-dir, promp, 0.05, 0, 0, NaN, NaN",
            "half-cheetah-dir, maml, 0.05, 0, 0, NaN, NaN",
            "ant-vel, bomrl, 0.005, 0, 1.05, NaN, NaN",
            "ant-vel, maml, 0.005, 0.0005, 1.05, 0.2, 1.0",
            "ant-dir, bomrl, 0.005, 0, 1.05, NaN, NaN",
            "ant-dir, promp, 0.5, 0.0005, 1.0, 0.0, 1.0",
            "ant-dir, maml, 0.005, 0.0005, 0.05, 0.2, 1.0"})
    void rewardAndTerminationMatchTheFormula(String family, String variant, double ctrlCost, double contactCost, double bonus, double zLow, double zHigh)
    {
        boolean ant = family.startsWith("ant");
        boolean velocity = family.endsWith("vel");
        for (Task<double[], double[]> task : Families.create("env.mujoco." + family, Map.of("variant", variant)).testTasks()) {
            double goal = Double.parseDouble(task.id().substring(2));
            SplittableRandom random = RandomSource.seeded(5).derive(family).derive(variant).derive(task.id()).generator();
            double contactSeen = 0;
            try (Environment<double[], double[]> environment = task.newEnvironment()) {
                MjSim sim = ((LocomotionEnvironment) environment).simulation();
                environment.reset(random.nextLong());
                for (int t = 0; t < STEPS; t++) {
                    double[] action = new double[environment.actionSpace().dimension()];
                    for (int i = 0; i < action.length; i++) {
                        action[i] = random.nextDouble(-1.5, 1.5);
                    }
                    double before = ant ? sim.xpos(1, 0) : sim.qpos(0);
                    Step<double[]> step = environment.step(action);
                    double after = ant ? sim.xpos(1, 0) : sim.qpos(0);
                    double v = (after - before) / DT;
                    double forward = velocity ? -Math.abs(v - goal) : goal * v;
                    double squares = 0;
                    for (double a : action) {
                        squares += a * a;
                    }
                    double contact = 0;
                    for (int b = 0; b < sim.model().nbody(); b++) {
                        for (int k = 0; k < 6; k++) {
                            double c = Math.max(-1, Math.min(1, sim.cfrcExt(b, k)));
                            contact += c * c;
                        }
                    }
                    contactSeen += contact;
                    double expected = forward - ctrlCost * squares - contactCost * contact + bonus;
                    assertThat(step.reward()).as("%s/%s task %s step %d", family, variant, task.id(), t).isCloseTo(expected, within(TOLERANCE));
                    double z = sim.qpos(2);
                    boolean unhealthy = !Double.isNaN(zLow) && !(z >= zLow && z <= zHigh);
                    assertThat(step.terminated()).as("%s/%s terminated at z = %s", family, variant, z).isEqualTo(unhealthy);
                    if (step.done()) {
                        break;
                    }
                }
            }
            if (contactCost > 0) {
                assertThat(contactSeen).as("%s/%s: contact forces are computed", family, variant).isPositive();
            }
        }
    }
}
