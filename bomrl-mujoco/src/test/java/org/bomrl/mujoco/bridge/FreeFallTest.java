package org.bomrl.mujoco.bridge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A free sphere without contacts against closed forms of ballistic motion. */
final class FreeFallTest
{
    private static final double G = 9.81;
    private static final double DT = 0.001;
    private static final double Z0 = 10.0;
    private static final int STEPS = 1000;
    /** Round-off of 1000 steps of O(1) values. */
    private static final double TOLERANCE = 1e-9;

    @BeforeEach
    void requireMujoco()
    {
        assumeTrue(NativeLibrary.available(), "MuJoCo is not available: apt-get install libmujoco-dev");
    }

    private static String ball(String integrator)
    {
        return """
                <mujoco model="ball">
                  <option timestep="%s" gravity="0 0 -%s" integrator="%s"/>
                  <worldbody>
                    <body name="ball" pos="0 0 %s">
                      <freejoint/>
                      <geom type="sphere" size="0.1" contype="0" conaffinity="0"/>
                    </body>
                  </worldbody>
                </mujoco>
                """.formatted(DT, G, integrator, Z0);
    }

    @Test
    void rungeKuttaFallsAsHalfGTSquared()
    {
        try (MjModel model = MjModel.fromXml("ball.xml", ball("RK4")); MjSim sim = model.newSimulation(false)) {
            assertThat(model.nq()).isEqualTo(7);
            assertThat(model.nv()).isEqualTo(6);
            sim.step(new double[0], STEPS);
            double t = STEPS * DT;
            assertThat(sim.time()).isCloseTo(t, within(TOLERANCE));
            // RK4 integrates constant acceleration exactly: z(t) = z0 − ½ g t², v(t) = −g t
            assertThat(sim.qpos(2)).isCloseTo(Z0 - 0.5 * G * t * t, within(TOLERANCE));
            assertThat(sim.qvel(2)).isCloseTo(-G * t, within(TOLERANCE));
        }
    }

    @Test
    void semiImplicitEulerFollowsItsDiscreteClosedForm()
    {
        try (MjModel model = MjModel.fromXml("ball.xml", ball("Euler")); MjSim sim = model.newSimulation(false)) {
            sim.step(new double[0], STEPS);
            // v_{n+1} = v_n − g·dt, z_{n+1} = z_n + v_{n+1}·dt  ⇒  z_n = z0 − g·dt²·n(n+1)/2
            double expected = Z0 - G * DT * DT * STEPS * (STEPS + 1) / 2.0;
            assertThat(sim.qpos(2)).isCloseTo(expected, within(TOLERANCE));
            assertThat(sim.qvel(2)).isCloseTo(-G * STEPS * DT, within(TOLERANCE));
            // xpos comes from the forward pass at the start of the last step: z_{n−1}
            assertThat(sim.xpos(1, 2)).isCloseTo(Z0 - G * DT * DT * (STEPS - 1) * STEPS / 2.0, within(TOLERANCE));
        }
    }

    @Test
    void thrownBallConservesMechanicalEnergy()
    {
        try (MjModel model = MjModel.fromXml("ball.xml", ball("RK4")); MjSim sim = model.newSimulation(false)) {
            double[] qpos = {0, 0, Z0, 1, 0, 0, 0};
            double[] qvel = {3, -1, 7, 0.5, 0.2, -0.3};
            sim.reset(qpos, qvel);
            double before = energyPerMass(sim);
            for (int i = 0; i < STEPS; i++) {
                sim.step(new double[0], 1);
                assertThat(energyPerMass(sim)).as("E/m after %d steps", i + 1).isCloseTo(before, within(1e-8));
            }
        }
    }

    /** ½|v|² + g·z per unit mass (the spin of a free sphere keeps its own energy). */
    private static double energyPerMass(MjSim sim)
    {
        double vx = sim.qvel(0);
        double vy = sim.qvel(1);
        double vz = sim.qvel(2);
        return 0.5 * (vx * vx + vy * vy + vz * vz) + G * sim.qpos(2);
    }
}
