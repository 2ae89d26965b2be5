package org.bomrl.mujoco.bridge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MuJoCo's simulation warnings are counted per state and their text kept, never printed or logged. */
final class WarningTest
{
    /**
     * A 4·10⁻⁶ kg bead on a 10⁸ N/m spring: displaced by 1 m its acceleration is about 2.5·10¹³ m/s²,
     * beyond MuJoCo's 10¹⁰ limit, so the first step raises the bad-qacc warning.
     */
    static final String STIFF = """
            <mujoco model="stiff">
              <worldbody>
                <body>
                  <joint type="slide" axis="0 0 1" stiffness="1e8"/>
                  <geom type="sphere" size="0.01" density="1"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    @BeforeEach
    void requireMujoco()
    {
        assumeTrue(NativeLibrary.available(), "MuJoCo is not available: apt-get install libmujoco-dev");
    }

    @Test
    void unstableSimulationRaisesBadQaccAndResetClearsIt()
    {
        try (MjModel model = MjModel.fromXml("stiff.xml", STIFF); MjSim sim = model.newSimulation(false)) {
            sim.reset(new double[] {1.0}, null);
            assertThat(sim.warnings()).as("warnings after reset").isZero();
            sim.step(new double[0], 1);
            assertThat(sim.warnings()).as("warnings after the unstable step").isPositive();
            assertThat(sim.lastWarning()).contains("QACC").contains("unstable");
            sim.reset();
            assertThat(sim.warnings()).as("warnings after a new reset").isZero();
            assertThat(sim.lastWarning()).isEmpty();
            sim.step(new double[0], 1);
            assertThat(sim.warnings()).as("at rest the spring is harmless").isZero();
        }
    }

    @Test
    void noLogFileIsWritten()
    {
        try (MjModel model = MjModel.fromXml("stiff.xml", STIFF); MjSim sim = model.newSimulation(false)) {
            sim.reset(new double[] {1.0}, null);
            sim.step(new double[0], 1);
        }
        assertThat(java.nio.file.Path.of("MUJOCO_LOG.TXT")).doesNotExist();
    }
}
