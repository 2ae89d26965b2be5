package org.bomrl.mujoco.locomotion;

/** What a task's goal g asks of the forward velocity v (spec §5b). */
enum Objective
{
    /** Goal velocity v* = g: forward term −|v − g|. */
    VELOCITY("v="),
    /** Goal direction d = g ∈ {−1, +1}: forward term d·v. */
    DIRECTION("d=");

    private final String idPrefix;

    Objective(String idPrefix)
    {
        this.idPrefix = idPrefix;
    }

    String idPrefix()
    {
        return idPrefix;
    }

    double forward(double velocity, double goal)
    {
        return this == VELOCITY ? -Math.abs(velocity - goal) : goal * velocity;
    }
}
