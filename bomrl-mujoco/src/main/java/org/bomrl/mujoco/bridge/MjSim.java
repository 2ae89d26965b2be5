package org.bomrl.mujoco.bridge;

import java.lang.ref.Cleaner;

import static java.util.Objects.requireNonNull;

/**
 * One simulation state ({@code mjData}) of a shared {@link MjModel}. After {@link #reset} and
 * {@link #step} the quantities rewards need are copied to Java in the same native call and read
 * here without further native calls: time, qpos, qvel, body positions {@code xpos} and orientations
 * {@code xmat}, subtree centres of mass, and (when created with contact forces) {@code cfrc_ext}
 * computed by {@code mj_rnePostConstraint}. As in MuJoCo, {@code xpos}, {@code xmat} and
 * {@code subtree_com} after a step are those of the last sub-step's forward pass.
 *
 * <p>Warnings (bad qpos/qvel/qacc, full buffers) are counted since the last reset and the last
 * warning's text is kept. A {@link MujocoException} leaves the state undefined: every call but
 * {@code reset} and {@code close} then throws until the next reset. Not thread-safe: one instance
 * per thread. {@link #close()} frees the state (a cleaner frees it if the instance is dropped).
 */
public final class MjSim
        implements AutoCloseable
{
    private static final Cleaner CLEANER = Cleaner.create();

    private final MjModel model;
    private final long data;
    private final int flags;
    private final Cleaner.Cleanable cleanable;
    private final double[] readout;
    private final int qposAt;
    private final int qvelAt;
    private final int xposAt;
    private final int xmatAt;
    private final int comAt;
    private final int cfrcAt;
    private int warnings;
    private boolean failed;
    private boolean closed;

    MjSim(MjModel model, boolean contactForces)
    {
        this.model = model;
        this.flags = contactForces ? MjNative.CONTACT_FORCES : 0;
        long handle = MjNative.makeData(model.handle);
        this.data = handle;
        this.cleanable = CLEANER.register(this, () -> MjNative.freeData(handle));
        int nb = model.nbody();
        this.qposAt = 1;
        this.qvelAt = qposAt + model.nq();
        this.xposAt = qvelAt + model.nv();
        this.xmatAt = xposAt + 3 * nb;
        this.comAt = xmatAt + 9 * nb;
        this.cfrcAt = comAt + 3 * nb;
        this.readout = new double[cfrcAt + 6 * nb];
        reset();
    }

    public MjModel model()
    {
        return model;
    }

    /** {@code mj_resetData} (qpos = qpos0, qvel = 0, time 0, warnings cleared), then {@code mj_forward}. */
    public void reset()
    {
        reset(null, null);
    }

    /** As {@link #reset()}, then qpos and qvel set to the given values (null keeps the default) before {@code mj_forward}. */
    public void reset(double[] qpos, double[] qvel)
    {
        checkOpen();
        if (qpos != null && qpos.length != model.nq() || qvel != null && qvel.length != model.nv()) {
            throw new IllegalArgumentException("reset needs qpos of length " + model.nq() + " and qvel of length " + model.nv() + ", got "
                    + (qpos == null ? "null" : qpos.length) + " and " + (qvel == null ? "null" : qvel.length));
        }
        failed = true;
        warnings = MjNative.reset(model.handle, data, qpos, qvel, flags, readout);
        failed = false;
    }

    /**
     * ctrl ← {@code ctrl} (MuJoCo clamps it to the actuators' ctrlrange), then {@code frameSkip} calls of
     * {@code mj_step}. No allocation.
     *
     * @throws MujocoException with MuJoCo's message on a MuJoCo error
     */
    public void step(double[] ctrl, int frameSkip)
    {
        checkReady(ctrl, frameSkip);
        failed = true;
        warnings = MjNative.step(model.handle, data, ctrl, frameSkip, flags, readout);
        failed = false;
    }

    /**
     * A plain C loop of {@code steps} calls of {@code mj_step} with a constant ctrl and nothing read
     * back (the readout is stale afterwards; call {@link #reset} or {@link #step}); for benchmarks.
     */
    public void run(double[] ctrl, int steps)
    {
        checkReady(ctrl, steps);
        failed = true;
        warnings = MjNative.run(model.handle, data, ctrl, steps);
        failed = false;
    }

    /** Simulated time in seconds. */
    public double time()
    {
        return readout[0];
    }

    public double qpos(int i)
    {
        return readout[qposAt + checkIndex(i, model.nq(), "qpos")];
    }

    public double qvel(int i)
    {
        return readout[qvelAt + checkIndex(i, model.nv(), "qvel")];
    }

    /** Copies qpos[from, nq) to {@code out} at {@code offset}. */
    public void copyQpos(int from, double[] out, int offset)
    {
        System.arraycopy(readout, qposAt + checkIndex(from, model.nq(), "qpos"), out, offset, model.nq() - from);
    }

    /** Copies qvel[from, nv) to {@code out} at {@code offset}. */
    public void copyQvel(int from, double[] out, int offset)
    {
        System.arraycopy(readout, qvelAt + checkIndex(from, model.nv(), "qvel"), out, offset, model.nv() - from);
    }

    /** Component {@code axis} (0 = x, 1 = y, 2 = z) of the frame origin of {@code body}, world coordinates. */
    public double xpos(int body, int axis)
    {
        return readout[xposAt + 3 * checkIndex(body, model.nbody(), "body") + checkIndex(axis, 3, "axis")];
    }

    /** Entry {@code k} (row-major) of the rotation matrix of {@code body}. */
    public double xmat(int body, int k)
    {
        return readout[xmatAt + 9 * checkIndex(body, model.nbody(), "body") + checkIndex(k, 9, "xmat entry")];
    }

    /** Component {@code axis} of the centre of mass of the subtree rooted at {@code body}. */
    public double subtreeCom(int body, int axis)
    {
        return readout[comAt + 3 * checkIndex(body, model.nbody(), "body") + checkIndex(axis, 3, "axis")];
    }

    /** Entry {@code k} (0-2 torque, 3-5 force) of the external contact wrench on {@code body}; zero unless created with contact forces. */
    public double cfrcExt(int body, int k)
    {
        return readout[cfrcAt + 6 * checkIndex(body, model.nbody(), "body") + checkIndex(k, 6, "cfrc_ext entry")];
    }

    /** Σ_b Σ_k clip(cfrc_ext[b][k], lo, hi)², over all bodies. */
    public double clippedContactSquares(double lo, double hi)
    {
        double sum = 0;
        for (int i = cfrcAt; i < readout.length; i++) {
            double c = Math.min(hi, Math.max(lo, readout[i]));
            sum += c * c;
        }
        return sum;
    }

    /** Copies clip(cfrc_ext, lo, hi) of all bodies (6 per body) to {@code out} at {@code offset}. */
    public void copyClippedContactForces(double lo, double hi, double[] out, int offset)
    {
        for (int i = cfrcAt; i < readout.length; i++) {
            out[offset++] = Math.min(hi, Math.max(lo, readout[i]));
        }
    }

    /** MuJoCo warnings since the last reset (Σ of {@code mjData.warning[i].number}). */
    public int warnings()
    {
        return warnings;
    }

    /** The text of the last MuJoCo warning of this thread, empty when none since the last reset. */
    public String lastWarning()
    {
        return MjNative.lastWarning();
    }

    @Override
    public void close()
    {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    private void checkReady(double[] ctrl, int count)
    {
        checkOpen();
        requireNonNull(ctrl, "ctrl is null");
        if (failed) {
            throw new IllegalStateException("the simulation failed with a MuJoCo error; reset it before stepping");
        }
        if (ctrl.length != model.nu()) {
            throw new IllegalArgumentException("ctrl has length " + ctrl.length + ", the model has " + model.nu() + " actuators");
        }
        if (count < 1) {
            throw new IllegalArgumentException("step count must be ≥ 1, got " + count);
        }
    }

    private void checkOpen()
    {
        if (closed) {
            throw new IllegalStateException("the simulation is closed");
        }
        model.checkOpen();
    }

    private static int checkIndex(int i, int n, String what)
    {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(what + " index " + i + " outside [0, " + n + ")");
        }
        return i;
    }
}
