package org.bomrl.api.env;

import org.bomrl.api.Stable;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Environment#step}: Gymnasium's {@code (observation, reward, terminated,
 * truncated)}. {@code terminated} means a terminal state of the MDP was reached; {@code truncated}
 * means the episode was cut by a time limit.
 */
@Stable(since = "0.1")
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated)
{
    public Step
    {
        requireNonNull(observation, "observation is null");
        if (Double.isNaN(reward)) {
            throw new IllegalArgumentException("reward is NaN");
        }
    }

    /** Whether the episode is over, for either reason. */
    public boolean done()
    {
        return terminated || truncated;
    }
}
