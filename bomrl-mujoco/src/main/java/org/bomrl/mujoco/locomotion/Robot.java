package org.bomrl.mujoco.locomotion;

import org.bomrl.mujoco.bridge.MjModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two MJCF models, written for this project (resources next to this class), each loaded once
 * per process ({@link MjModel#shared}). Forward position x, whose finite difference over a control
 * step is the forward velocity (Gym v4, {@code mujoco-tasks.md}): the root slide {@code qpos[0]} for
 * Half-Cheetah, the torso frame origin {@code xpos[torso].x} for Ant.
 */
enum Robot
{
    /** Planar Half-Cheetah: nq = nv = 9, nu = 6, 8 bodies; timestep 0.01 s, Euler. */
    HALF_CHEETAH("half-cheetah.xml"),
    /** Ant: nq = 15, nv = 14, nu = 8, 14 bodies; timestep 0.01 s, RK4. */
    ANT("ant.xml");

    /** Body id of the torso in both models (the world is body 0). */
    static final int TORSO = 1;

    private final String file;
    private final String xml;

    Robot(String file)
    {
        this.file = file;
        try (InputStream in = Robot.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + file + " is missing from the class path");
            }
            this.xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + file, e);
        }
    }

    /** The MJCF text. */
    String xml()
    {
        return xml;
    }

    /** The process-wide compiled model. */
    MjModel model()
    {
        return MjModel.shared(file, xml);
    }

    /** The forward position x of the current state. */
    double forwardPosition(org.bomrl.mujoco.bridge.MjSim sim)
    {
        return this == HALF_CHEETAH ? sim.qpos(0) : sim.xpos(TORSO, 0);
    }
}
