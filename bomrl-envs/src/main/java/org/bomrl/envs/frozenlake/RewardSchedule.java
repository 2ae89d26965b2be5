package org.bomrl.envs.frozenlake;

/**
 * Rewards for the cell ENTERED by a step, Gymnasium's {@code reward_schedule = (goal, hole, frozen)};
 * S counts as frozen, as in Gymnasium.
 */
record RewardSchedule(double goal, double hole, double frozen)
{
    /** Gymnasium's default (1, 0, 0). */
    static final RewardSchedule GYMNASIUM = new RewardSchedule(1, 0, 0);

    RewardSchedule
    {
        if (!Double.isFinite(goal) || !Double.isFinite(hole) || !Double.isFinite(frozen)) {
            throw new IllegalArgumentException("rewards must be finite: (" + goal + ", " + hole + ", " + frozen + ")");
        }
    }

    /** The reward for entering a cell with this letter. */
    double of(char cell)
    {
        return switch (cell) {
            case 'G' -> goal;
            case 'H' -> hole;
            default -> frozen;
        };
    }

    @Override
    public String toString()
    {
        return "(" + goal + "," + hole + "," + frozen + ")";
    }
}
