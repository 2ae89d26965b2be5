package org.bomrl.mujoco.locomotion;

import org.bomrl.mujoco.bridge.MjSim;

/**
 * What an observation holds, in order (Gym v4 unless noted; {@code mujoco-tasks.md}).
 */
enum ObservationLayout
{
    /** Half-Cheetah v4: qpos[1:], qvel — 17 values. */
    CHEETAH_17(1, false, false),
    /** Half-Cheetah of MAML / garage: qpos[1:], qvel, torso subtree centre of mass — 20 values. */
    CHEETAH_20(1, true, false),
    /** Ant v4 without contact forces: qpos[2:], qvel — 27 values. */
    ANT_27(2, false, false),
    /** Ant v4 with contact forces: qpos[2:], qvel, clip(cfrc_ext, −1, 1) of all 14 bodies — 111 values. */
    ANT_111(2, false, true);

    /** Contact forces are clipped to [−{@value}, {@value}] in observations and the contact cost. */
    static final double CONTACT_CLIP = 1.0;

    private final int skippedQpos;
    private final boolean torsoCom;
    private final boolean contactForces;

    ObservationLayout(int skippedQpos, boolean torsoCom, boolean contactForces)
    {
        this.skippedQpos = skippedQpos;
        this.torsoCom = torsoCom;
        this.contactForces = contactForces;
    }

    boolean contactForces()
    {
        return contactForces;
    }

    int size(int nq, int nv, int nbody)
    {
        return nq - skippedQpos + nv + (torsoCom ? 3 : 0) + (contactForces ? 6 * nbody : 0);
    }

    /** Writes the observation of the simulation's current state to {@code out} (of length {@link #size}). */
    void write(MjSim sim, double[] out)
    {
        int nq = sim.model().nq();
        sim.copyQpos(skippedQpos, out, 0);
        int at = nq - skippedQpos;
        sim.copyQvel(0, out, at);
        at += sim.model().nv();
        if (torsoCom) {
            for (int axis = 0; axis < 3; axis++) {
                out[at++] = sim.subtreeCom(Robot.TORSO, axis);
            }
        }
        if (contactForces) {
            sim.copyClippedContactForces(-CONTACT_CLIP, CONTACT_CLIP, out, at);
        }
    }
}
