package org.bomrl.mujoco.locomotion;

import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Task;

import static java.util.Objects.requireNonNull;

/**
 * One task of a locomotion family: the goal velocity v* or direction d. Its id is
 * {@code v=<Double.toString(v*)>} or {@code d=<Double.toString(d)>}, so it rebuilds the task exactly.
 *
 * @param boundedActions whether actions outside [−1, 1]^nu are rejected (else MuJoCo clamps ctrl and the cost uses the raw action)
 */
record LocomotionTask(LocomotionVariant variant, double goal, boolean boundedActions)
        implements Task<double[], double[]>
{
    LocomotionTask
    {
        requireNonNull(variant, "variant is null");
        if (!variant.accepts(goal)) {
            throw new IllegalArgumentException("goal " + goal + " is outside " + variant.family() + "/" + variant.name());
        }
    }

    @Override
    public String id()
    {
        return variant.objective().idPrefix() + Double.toString(goal);
    }

    /** @throws IllegalStateException with installation advice when MuJoCo is not available */
    @Override
    public Environment<double[], double[]> newEnvironment()
    {
        return new LocomotionEnvironment(this);
    }
}
