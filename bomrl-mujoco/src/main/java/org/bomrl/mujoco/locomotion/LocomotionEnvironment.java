package org.bomrl.mujoco.locomotion;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EpisodeValidity;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.mujoco.bridge.MjModel;
import org.bomrl.mujoco.bridge.MjSim;

import java.util.Arrays;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A locomotion task's environment, Gym v4 conventions ({@code mujoco-tasks.md}): reset to
 * qpos0 + U(−0.1, 0.1) and 0.1·N(0, 1) velocities drawn from the stream
 * {@code RandomSource.seeded(seed).derive("reset-noise")}; a step holds ctrl = a for
 * {@link LocomotionVariant#frameSkip()} MuJoCo steps and is rewarded as {@link LocomotionVariant}
 * says; episodes are truncated at the horizon, and at a step with a MuJoCo warning, which also
 * marks the episode invalid ({@link EpisodeValidity}). Owns one {@code mjData} of the shared
 * model. Not thread-safe.
 */
final class LocomotionEnvironment
        implements Environment<double[], double[]>, EpisodeValidity
{
    /** Half-width of the uniform qpos reset noise and scale of the Gaussian qvel reset noise (Gym's reset_noise_scale). */
    static final double RESET_NOISE = 0.1;
    static final String RESET_STREAM = "reset-noise";

    private final LocomotionTask task;
    private final LocomotionVariant variant;
    private final Robot robot;
    private final MjSim sim;
    private final double dt;
    private final double[] qpos0;
    private final double[] qpos;
    private final double[] qvel;
    private final int observationSize;
    private final BoxSpace observationSpace;
    private final BoxSpace actionSpace;
    private boolean started;
    private boolean done;
    private int t;
    private String invalidReason = "";

    LocomotionEnvironment(LocomotionTask task)
    {
        this.task = requireNonNull(task, "task is null");
        this.variant = task.variant();
        this.robot = variant.robot();
        MjModel model = robot.model();
        this.sim = model.newSimulation(variant.layout().contactForces());
        this.dt = model.timestep() * variant.frameSkip();
        this.qpos0 = new double[model.nq()];
        sim.copyQpos(0, qpos0, 0);
        this.qpos = new double[model.nq()];
        this.qvel = new double[model.nv()];
        this.observationSize = variant.layout().size(model.nq(), model.nv(), model.nbody());
        this.observationSpace = box(observationSize, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        this.actionSpace = task.boundedActions() ? box(model.nu(), -1, 1) : box(model.nu(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public Space observationSpace()
    {
        return observationSpace;
    }

    /** [−1, 1]^nu with bounded actions, else R^nu (MuJoCo clamps ctrl to [−1, 1]; the cost uses the raw action, as Gym v4). */
    @Override
    public Space actionSpace()
    {
        return actionSpace;
    }

    @Override
    public double[] reset(long seed)
    {
        SplittableRandom random = RandomSource.seeded(seed).derive(RESET_STREAM).generator();
        for (int i = 0; i < qpos.length; i++) {
            qpos[i] = qpos0[i] + random.nextDouble(-RESET_NOISE, RESET_NOISE);
        }
        for (int i = 0; i < qvel.length; i++) {
            qvel[i] = RESET_NOISE * random.nextGaussian();
        }
        sim.reset(qpos, qvel);
        started = true;
        done = false;
        t = 0;
        invalidReason = "";
        return observation();
    }

    @Override
    public Step<double[]> step(double[] action)
    {
        if (!started) {
            throw new IllegalStateException("step before reset");
        }
        if (done) {
            throw new IllegalStateException("the episode has ended; reset before stepping");
        }
        checkAction(action);
        double xBefore = robot.forwardPosition(sim);
        sim.step(action, variant.frameSkip());
        double velocity = (robot.forwardPosition(sim) - xBefore) / dt;
        double reward = reward(velocity, action);
        t++;
        boolean warned = sim.warnings() > 0;
        if (warned && invalidReason.isEmpty()) {
            String text = sim.lastWarning();
            invalidReason = text.isBlank() ? "MuJoCo raised " + sim.warnings() + " warning(s)" : text.strip();
        }
        boolean terminated = variant.terminates() && !healthy();
        boolean truncated = t >= variant.horizon() || warned;
        done = terminated || truncated;
        return new Step<>(observation(), reward, terminated, truncated);
    }

    @Override
    public boolean episodeInvalid()
    {
        return !invalidReason.isEmpty();
    }

    @Override
    public String invalidReason()
    {
        return invalidReason;
    }

    /** The simulation, for tests that record states. */
    MjSim simulation()
    {
        return sim;
    }

    /** Control step dt = frameSkip · timestep in seconds. */
    double dt()
    {
        return dt;
    }

    @Override
    public void close()
    {
        sim.close();
    }

    /** forward(v, g) − ctrlCost·‖a‖² − contactCost·Σ clip(cfrc_ext, −1, 1)² + bonus. */
    private double reward(double velocity, double[] action)
    {
        double squares = 0;
        for (double a : action) {
            squares += a * a;
        }
        double contact = variant.contactCost() == 0 ? 0
                : sim.clippedContactSquares(-ObservationLayout.CONTACT_CLIP, ObservationLayout.CONTACT_CLIP);
        return variant.objective().forward(velocity, task.goal()) - variant.ctrlCost() * squares - variant.contactCost() * contact + variant.bonus();
    }

    /** Gym v4 Ant: every qpos and qvel finite and healthyLow ≤ qpos[2] ≤ healthyHigh. */
    private boolean healthy()
    {
        MjModel model = sim.model();
        for (int i = 0; i < model.nq(); i++) {
            if (!Double.isFinite(sim.qpos(i))) {
                return false;
            }
        }
        for (int i = 0; i < model.nv(); i++) {
            if (!Double.isFinite(sim.qvel(i))) {
                return false;
            }
        }
        double z = sim.qpos(2);
        return z >= variant.healthyLow() && z <= variant.healthyHigh();
    }

    private double[] observation()
    {
        double[] observation = new double[observationSize];
        variant.layout().write(sim, observation);
        return observation;
    }

    private void checkAction(double[] action)
    {
        requireNonNull(action, "action is null");
        if (action.length != sim.model().nu()) {
            throw new IllegalArgumentException("task " + task.id() + ": action has length " + action.length + ", the action space is " + actionSpace);
        }
        for (int i = 0; i < action.length; i++) {
            boolean inside = task.boundedActions() ? action[i] >= -1 && action[i] <= 1 : Double.isFinite(action[i]);
            if (!inside) {
                throw new IllegalArgumentException("task " + task.id() + ": action " + Arrays.toString(action) + " is outside " + actionSpace);
            }
        }
    }

    private static BoxSpace box(int n, double low, double high)
    {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new BoxSpace(lo, hi);
    }
}
