package org.bomrl.mujoco.bridge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MuJoCo's errors arrive as {@link MujocoException} with MuJoCo's own text, and the JVM carries on. */
final class MujocoErrorTest
{
    private static final String GOOD = "<mujoco><worldbody><body><freejoint/><geom size='0.1'/></body></worldbody></mujoco>";

    @BeforeEach
    void requireMujoco()
    {
        assumeTrue(NativeLibrary.available(), "MuJoCo is not available: apt-get install libmujoco-dev");
    }

    @Test
    void malformedXmlCarriesTheParserMessage()
    {
        assertThatThrownBy(() -> MjModel.fromXml("broken.xml", "<mujoco><worldbody><body></mujoco>"))
                .isInstanceOf(MujocoException.class)
                .hasMessageContaining("XML_ERROR_MISMATCHED_ELEMENT");
        assertStillWorks();
    }

    @Test
    void schemaViolationNamesTheElement()
    {
        assertThatThrownBy(() -> MjModel.fromXml("schema.xml", "<mujoco><nonsense/></mujoco>"))
                .isInstanceOf(MujocoException.class)
                .hasMessageContaining("unrecognized element")
                .hasMessageContaining("nonsense");
        assertStillWorks();
    }

    @Test
    void missingFileIsReported()
    {
        Path missing = Path.of("target", "no-such-model.xml").toAbsolutePath();
        assertThatThrownBy(() -> MjModel.fromFile(missing))
                .isInstanceOf(MujocoException.class)
                .hasMessageContaining("XML_ERROR_FILE_NOT_FOUND");
    }

    @Test
    void engineErrorDuringCompilationIsAnExceptionNotAnExit()
    {
        // a stack of 10 numbers is too small for mj_setConst: MuJoCo calls mju_error("Stack overflow")
        String tiny = "<mujoco><size nstack='10'/><worldbody><body><freejoint/><geom size='0.1'/></body></worldbody></mujoco>";
        assertThatThrownBy(() -> MjModel.fromXml("tiny.xml", tiny))
                .isInstanceOf(MujocoException.class)
                .hasMessageContaining("Stack overflow");
        assertStillWorks();
    }

    @Test
    void messagesAreOneLine()
    {
        assertThatThrownBy(() -> MjModel.fromXml("broken.xml", "<mujoco>\n<worldbody>\n<body>\n</mujoco>\n"))
                .isInstanceOf(MujocoException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void closedSimulationRefusesToStep()
    {
        MjModel model = MjModel.fromXml("good.xml", GOOD);
        MjSim sim = model.newSimulation(false);
        sim.close();
        assertThatThrownBy(() -> sim.step(new double[0], 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        model.close();
        assertThatThrownBy(model::totalMass).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void assertStillWorks()
    {
        try (MjModel model = MjModel.fromXml("good.xml", GOOD); MjSim sim = model.newSimulation(false)) {
            sim.step(new double[0], 10);
            assertThat(sim.qpos(2)).as("the free body falls").isLessThan(0);
        }
    }
}
