package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A pure-Java stand-in for HalfCheetahVel at its sizes (17 observations, 6 actions, spec §5b), with
 * cheap dynamics so that benchmarks measure the learner and not a simulator: a body with forward
 * velocity v and six joints (angle q_j, rate w_j), semi-implicit Euler with dt = 0.05,
 * <pre>
 *   w_j ← (1 − 0.1) w_j + dt (−4 q_j + 2 clip(a_j, ±1)),  q_j ← q_j + dt w_j,
 *   v ← (1 − 0.05) v + dt Σ_j 0.3 sin(q_j) w_j,            x ← x + dt v,
 * </pre>
 * observation (z, pitch, q_1..q_6, v, vz, pitch rate, w_1..w_6) with z = 0.1 sin x and pitch = 0.05 q_1
 * as cheap fillers, reward −|v − v*| − 0.05‖a‖², truncation at {@code limit} steps. Reset noise
 * U(−0.1, 0.1) on q and N(0, 0.1²) on w from the reset seed. Not thread-safe.
 */
final class StandInLocomotion
        implements Environment<double[], double[]>
{
    static final int OBSERVATIONS = 17;
    static final int ACTIONS = 6;
    private static final double DT = 0.05;
    private static final BoxSpace OBSERVATION_SPACE = box(OBSERVATIONS, Double.POSITIVE_INFINITY);
    private static final BoxSpace ACTION_SPACE = box(ACTIONS, Double.POSITIVE_INFINITY);

    private final double targetVelocity;
    private final int limit;
    private final double[] q = new double[ACTIONS];
    private final double[] w = new double[ACTIONS];
    private double x;
    private double v;
    private int steps;
    private boolean done = true;

    StandInLocomotion(double targetVelocity, int limit)
    {
        this.targetVelocity = targetVelocity;
        this.limit = limit;
    }

    /** A task of the stand-in family with target velocity v* and the time limit {@code limit}. */
    static Task<double[], double[]> task(String id, double targetVelocity, int limit)
    {
        return new Task<>()
        {
            @Override
            public String id()
            {
                return id;
            }

            @Override
            public Environment<double[], double[]> newEnvironment()
            {
                return new StandInLocomotion(targetVelocity, limit);
            }
        };
    }

    @Override
    public Space observationSpace()
    {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace()
    {
        return ACTION_SPACE;
    }

    @Override
    public double[] reset(long seed)
    {
        SplittableRandom random = RandomSource.seeded(seed).generator();
        for (int j = 0; j < ACTIONS; j++) {
            q[j] = random.nextDouble(-0.1, 0.1);
            w[j] = 0.1 * random.nextGaussian();
        }
        x = 0;
        v = 0;
        steps = 0;
        done = false;
        return observation();
    }

    @Override
    public Step<double[]> step(double[] action)
    {
        if (done) {
            throw new IllegalStateException("step after the episode ended (at step " + steps + ") without reset");
        }
        if (action.length != ACTIONS) {
            throw new IllegalArgumentException("action must have " + ACTIONS + " values: " + Arrays.toString(action));
        }
        double thrust = 0;
        double control = 0;
        for (int j = 0; j < ACTIONS; j++) {
            double a = Math.max(-1, Math.min(1, action[j]));
            control += action[j] * action[j];
            w[j] = 0.9 * w[j] + DT * (-4 * q[j] + 2 * a);
            q[j] += DT * w[j];
            thrust += 0.3 * Math.sin(q[j]) * w[j];
        }
        v = 0.95 * v + DT * thrust;
        x += DT * v;
        steps++;
        done = steps >= limit;
        return new Step<>(observation(), -Math.abs(v - targetVelocity) - 0.05 * control, false, done);
    }

    private double[] observation()
    {
        double[] o = new double[OBSERVATIONS];
        o[0] = 0.1 * Math.sin(x);
        o[1] = 0.05 * q[0];
        System.arraycopy(q, 0, o, 2, ACTIONS);
        o[8] = v;
        o[9] = 0.1 * Math.cos(x) * v;
        o[10] = 0.05 * w[0];
        System.arraycopy(w, 0, o, 11, ACTIONS);
        return o;
    }

    private static BoxSpace box(int dimension, double bound)
    {
        double[] high = new double[dimension];
        Arrays.fill(high, bound);
        double[] low = new double[dimension];
        Arrays.fill(low, -bound);
        return new BoxSpace(low, high);
    }
}
