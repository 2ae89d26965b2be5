package org.bomrl.core.rollout;

import org.bomrl.api.data.TrajectoryBatch;

import static java.util.Objects.requireNonNull;

/**
 * A round's trajectories with, per episode, the discounted return Σ_j γ^j r_{T+j} of the
 * bootstrap continuation that ran on from the episode's last state (spec §5b; 0 when the episode
 * terminated or no continuation was asked for), and how many episodes the environment marked invalid
 * ({@link org.bomrl.api.env.EpisodeValidity}, e.g. a simulator warning).
 */
public record Rollouts(TrajectoryBatch batch, double[] tailReturns, int invalidEpisodes)
{
    public Rollouts
    {
        requireNonNull(batch, "batch is null");
        requireNonNull(tailReturns, "tailReturns is null");
        if (tailReturns.length != batch.episodes()) {
            throw new IllegalArgumentException("one tail return per episode is needed: " + tailReturns.length + " for " + batch.episodes());
        }
        if (invalidEpisodes < 0 || invalidEpisodes > batch.episodes()) {
            throw new IllegalArgumentException("invalid episodes must be in [0, " + batch.episodes() + "]: " + invalidEpisodes);
        }
    }
}
