package org.bomrl.mujoco.bridge;

/**
 * The JNI entry points of {@code src/main/c/mjshim.c}. Handles are {@code mjModel*} and
 * {@code mjData*} as {@code long}. Every entry that runs MuJoCo code is guarded: a MuJoCo error
 * ({@code mju_error}) returns to the entry and is thrown as {@link MujocoException} with MuJoCo's
 * message. Callers load the library through {@link NativeLibrary} first.
 */
final class MjNative
{
    /** {@code flags} bit: call {@code mj_rnePostConstraint} after stepping so {@code cfrc_ext} is filled. */
    static final int CONTACT_FORCES = 1;

    private MjNative() {}

    /** Compiles MJCF text through a one-file virtual file system named {@code name}. */
    static native long loadXml(String name, byte[] xml);

    /** Compiles the MJCF file at {@code path}. */
    static native long loadFile(String path);

    static native void freeModel(long model);

    /** {nq, nv, nu, nbody}. */
    static native int[] dims(long model);

    static native double timestep(long model);

    /** Σ body masses ({@code mj_getTotalmass}). */
    static native double totalMass(long model);

    /** The body's id, or −1 when the model has no body of that name. */
    static native int bodyId(long model, String name);

    static native long makeData(long model);

    static native void freeData(long data);

    /**
     * {@code mj_resetData}, then qpos and qvel when non-null, {@code mj_forward}, and the readout;
     * returns the warning count.
     */
    static native int reset(long model, long data, double[] qpos, double[] qvel, int flags, double[] readout);

    /** ctrl ← {@code ctrl}, {@code frameSkip} × {@code mj_step}, then the readout; returns the warning count since reset. */
    static native int step(long model, long data, double[] ctrl, int frameSkip, int flags, double[] readout);

    /** A plain C loop: ctrl ← {@code ctrl} once, {@code steps} × {@code mj_step}, nothing read back; returns the warning count. */
    static native int run(long model, long data, double[] ctrl, int steps);

    /** The text of the last MuJoCo warning on this thread (empty when none). */
    static native String lastWarning();
}
