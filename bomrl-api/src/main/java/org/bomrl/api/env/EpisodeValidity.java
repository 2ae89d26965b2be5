package org.bomrl.api.env;

import org.bomrl.api.Experimental;

/**
 * Optionally implemented by an {@link Environment} whose simulator can flag an episode as
 * untrustworthy (e.g. a physics engine's instability warning: bad positions, velocities or
 * accelerations, or a full contact buffer). The environment truncates the episode at the flagged
 * step; samplers and reports may count such episodes as invalid. The flag is cleared by
 * {@link Environment#reset(long)}. Same threading as the environment (not thread-safe).
 */
@Experimental(since = "0.2")
public interface EpisodeValidity
{
    /** Whether the current episode was flagged invalid since the last reset. */
    boolean episodeInvalid();

    /** The simulator's text of the first flag of the current episode, empty while the episode is valid; never null. */
    String invalidReason();
}
