package org.bomrl.mujoco.locomotion;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One named definition of a locomotion task family: the reward per control step
 *
 * <pre>  r = forward(v, g) − ctrlCost·‖a‖² − contactCost·Σ clip(cfrc_ext, −1, 1)² + bonus</pre>
 *
 * with v = (x_after − x_before)/dt over the {@code frameSkip} sub-steps (dt = frameSkip·timestep),
 * forward = −|v − v*| or d·v ({@link Objective}); episodes of {@code horizon} steps, terminated when
 * {@code healthyZ} is given and the state is non-finite or the torso height qpos[2] leaves
 * [healthyLow, healthyHigh]. Dynamics are Gym v4's in every variant (spec §5b).
 *
 * @param family the family's short name, e.g. {@code half-cheetah-vel}
 * @param name the variant, e.g. {@code bomrl}
 * @param goalLow lower end of v* (velocity) — unused for directions
 * @param goalHigh upper end of v* (velocity) — unused for directions
 * @param directions how direction tasks are drawn — unused for velocities
 * @param healthyLow lower end of the healthy torso height, NaN when the family never terminates
 * @param healthyHigh upper end of the healthy torso height, NaN when the family never terminates
 * @param metaTestGoals the meta-test grid
 * @param evaluationGoals the goals of the per-iteration evaluation during training
 * @param source where the definition comes from
 */
record LocomotionVariant(String family, String name, Robot robot, Objective objective, double goalLow, double goalHigh, DirectionSampling directions,
        int horizon, int frameSkip, double ctrlCost, double contactCost, double bonus, double healthyLow, double healthyHigh, ObservationLayout layout,
        List<Double> metaTestGoals, List<Double> evaluationGoals, String source)
{
    LocomotionVariant
    {
        requireNonNull(family, "family is null");
        requireNonNull(name, "name is null");
        requireNonNull(robot, "robot is null");
        requireNonNull(objective, "objective is null");
        requireNonNull(directions, "directions is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(source, "source is null");
        metaTestGoals = List.copyOf(requireNonNull(metaTestGoals, "metaTestGoals is null"));
        evaluationGoals = List.copyOf(requireNonNull(evaluationGoals, "evaluationGoals is null"));
        if (horizon < 1 || frameSkip < 1) {
            throw new IllegalArgumentException("horizon and frameSkip must be ≥ 1, got " + horizon + " and " + frameSkip);
        }
        if (!(ctrlCost >= 0) || !(contactCost >= 0) || !Double.isFinite(bonus)) {
            throw new IllegalArgumentException("cost coefficients must be ≥ 0 and the bonus finite, got " + ctrlCost + ", " + contactCost + ", " + bonus);
        }
        if (objective == Objective.VELOCITY && !(goalLow < goalHigh)) {
            throw new IllegalArgumentException("goal range is empty: [" + goalLow + ", " + goalHigh + "]");
        }
        if (Double.isNaN(healthyLow) != Double.isNaN(healthyHigh) || healthyLow > healthyHigh) {
            throw new IllegalArgumentException("healthy height range is invalid: [" + healthyLow + ", " + healthyHigh + "]");
        }
        if (metaTestGoals.isEmpty() || evaluationGoals.isEmpty()) {
            throw new IllegalArgumentException("the meta-test and evaluation goal lists must not be empty");
        }
        for (List<Double> goals : List.of(metaTestGoals, evaluationGoals)) {
            for (double goal : goals) {
                if (!accepts(objective, goalLow, goalHigh, goal)) {
                    throw new IllegalArgumentException("goal " + goal + " of " + family + "/" + name + " is outside the family's range");
                }
            }
        }
    }

    /** This variant with another time limit (the fingerprint, which covers the variant, changes with it). */
    LocomotionVariant withHorizon(int steps)
    {
        return new LocomotionVariant(family, name, robot, objective, goalLow, goalHigh, directions, steps, frameSkip, ctrlCost, contactCost, bonus, healthyLow,
                healthyHigh, layout, metaTestGoals, evaluationGoals, source);
    }

    /** Whether episodes end on an unhealthy state. */
    boolean terminates()
    {
        return !Double.isNaN(healthyLow);
    }

    /** Whether a goal belongs to this family: v* in [goalLow, goalHigh], or d ∈ {−1, +1}. */
    boolean accepts(double goal)
    {
        return accepts(objective, goalLow, goalHigh, goal);
    }

    private static boolean accepts(Objective objective, double low, double high, double goal)
    {
        return objective == Objective.VELOCITY ? goal >= low && goal <= high : goal == -1.0 || goal == 1.0;
    }
}
