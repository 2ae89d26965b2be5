package org.bomrl.envs.navigation;

import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;

import java.util.Arrays;

/**
 * One 2-D navigation episode at a time ({@link NavigationRules}). Observations are the position
 * (x, y); actions are velocities (u_x, u_y): any finite pair is accepted and clipped per
 * coordinate to [−v, v], so the action space is R² (a Gaussian policy's samples need no
 * clipping of their own). The start is the origin, so the reset seed changes nothing. Not
 * thread-safe.
 */
final class NavigationEnvironment
        implements Environment<double[], double[]>
{
    private static final BoxSpace PLANE = new BoxSpace(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
            new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});

    private final NavigationRules rules;
    private double x;
    private double y;
    private int steps;
    private boolean started;
    private boolean done;

    NavigationEnvironment(NavigationRules rules)
    {
        this.rules = rules;
    }

    @Override
    public Space observationSpace()
    {
        return PLANE;
    }

    @Override
    public Space actionSpace()
    {
        return PLANE;
    }

    @Override
    public double[] reset(long seed)
    {
        x = 0;
        y = 0;
        steps = 0;
        started = true;
        done = false;
        return new double[] {x, y};
    }

    @Override
    public Step<double[]> step(double[] action)
    {
        if (!started) {
            throw new IllegalStateException("step before reset");
        }
        if (done) {
            throw new IllegalStateException("step after the episode ended (at step " + steps + ") without reset");
        }
        if (action == null || action.length != 2 || !Double.isFinite(action[0]) || !Double.isFinite(action[1])) {
            throw new IllegalArgumentException("action " + (action == null ? "null" : Arrays.toString(action))
                    + " is not a finite velocity (u_x, u_y) in R²");
        }
        x += rules.clip(action[0]);
        y += rules.clip(action[1]);
        steps++;
        boolean terminated = rules.terminates(x, y);
        boolean truncated = steps >= rules.horizon();
        done = terminated || truncated;
        return new Step<>(new double[] {x, y}, rules.reward(x, y), terminated, truncated);
    }
}
