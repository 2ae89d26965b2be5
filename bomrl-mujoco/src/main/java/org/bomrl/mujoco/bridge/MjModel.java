package org.bomrl.mujoco.bridge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A compiled MuJoCo model ({@code mjModel}): read-only after loading, so one instance is shared by
 * every thread; each thread steps its own {@link MjSim} ({@code mjData}) of it. {@link #shared}
 * keeps one model per MJCF text for the life of the process.
 *
 * <p>Thread-safe. {@link #close()} frees a model made by {@link #fromXml} or {@link #fromFile};
 * its simulations must be closed first. Closing a shared model does nothing.
 */
public final class MjModel
        implements AutoCloseable
{
    private static final Map<String, MjModel> SHARED = new ConcurrentHashMap<>();

    final long handle;
    private final int nq;
    private final int nv;
    private final int nu;
    private final int nbody;
    private final double timestep;
    private final boolean shared;
    private volatile boolean closed;

    private MjModel(long handle, boolean shared)
    {
        this.handle = handle;
        int[] dims = MjNative.dims(handle);
        this.nq = dims[0];
        this.nv = dims[1];
        this.nu = dims[2];
        this.nbody = dims[3];
        this.timestep = MjNative.timestep(handle);
        this.shared = shared;
    }

    /**
     * Compiles MJCF text, read through a one-file virtual file system named {@code name} (so no file
     * is needed on the machine that runs it).
     *
     * @throws MujocoException with MuJoCo's message when the text does not compile
     * @throws IllegalStateException when the native library is not available
     */
    public static MjModel fromXml(String name, String xml)
    {
        requireNonNull(name, "name is null");
        requireNonNull(xml, "xml is null");
        NativeLibrary.require();
        return new MjModel(MjNative.loadXml(name, xml.getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Compiles an MJCF file; errors as {@link #fromXml}. */
    public static MjModel fromFile(Path file)
    {
        requireNonNull(file, "file is null");
        NativeLibrary.require();
        return new MjModel(MjNative.loadFile(file.toAbsolutePath().toString()), false);
    }

    /** The process-wide model of this MJCF text, compiled on first use; never freed. */
    public static MjModel shared(String name, String xml)
    {
        requireNonNull(name, "name is null");
        requireNonNull(xml, "xml is null");
        NativeLibrary.require();
        return SHARED.computeIfAbsent(xml, text -> new MjModel(MjNative.loadXml(name, text.getBytes(StandardCharsets.UTF_8)), true));
    }

    /** Number of generalised coordinates (length of qpos). */
    public int nq()
    {
        return nq;
    }

    /** Number of degrees of freedom (length of qvel). */
    public int nv()
    {
        return nv;
    }

    /** Number of actuators (length of ctrl). */
    public int nu()
    {
        return nu;
    }

    /** Number of bodies, the world body included. */
    public int nbody()
    {
        return nbody;
    }

    /** Integration time step in seconds. */
    public double timestep()
    {
        return timestep;
    }

    /** Σ of the body masses in kg. */
    public double totalMass()
    {
        checkOpen();
        return MjNative.totalMass(handle);
    }

    /** The id of the named body. @throws IllegalArgumentException naming the body when there is none */
    public int bodyId(String name)
    {
        requireNonNull(name, "name is null");
        checkOpen();
        int id = MjNative.bodyId(handle, name);
        if (id < 0) {
            throw new IllegalArgumentException("the model has no body named '" + name + "'");
        }
        return id;
    }

    /** A new simulation state; {@code contactForces} fills {@code cfrc_ext} after every step. */
    public MjSim newSimulation(boolean contactForces)
    {
        checkOpen();
        return new MjSim(this, contactForces);
    }

    @Override
    public void close()
    {
        if (!shared && !closed) {
            closed = true;
            MjNative.freeModel(handle);
        }
    }

    void checkOpen()
    {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }
}
