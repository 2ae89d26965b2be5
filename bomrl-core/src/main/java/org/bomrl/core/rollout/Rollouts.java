package org.bomrl.core.rollout;

import io.vavr.control.Option;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.core.loop.ObservationStatistics;

import static java.util.Objects.requireNonNull;

/**
 * A round's trajectories with, per episode, the discounted return Σ_j γ^j r_{T+j} of the
 * bootstrap continuation that ran on from the episode's last state (spec §5b; 0 when the episode
 * terminated or no continuation was asked for), and how many episodes the environment marked invalid
 * ({@link org.bomrl.api.env.EpisodeValidity}, e.g. a simulator warning), and, when the round ran
 * under a frozen observation filter, the statistics of the raw observations it saw ({@code observed},
 * spec §5b; the batch then holds the normalised ones).
 */
public record Rollouts(TrajectoryBatch batch, double[] tailReturns, int invalidEpisodes, Option<ObservationStatistics> observed)
{
    /** A round collected without an observation filter. */
    public Rollouts(TrajectoryBatch batch, double[] tailReturns, int invalidEpisodes)
    {
        this(batch, tailReturns, invalidEpisodes, Option.none());
    }

    public Rollouts
    {
        requireNonNull(batch, "batch is null");
        requireNonNull(observed, "observed is null");
        requireNonNull(tailReturns, "tailReturns is null");
        if (tailReturns.length != batch.episodes()) {
            throw new IllegalArgumentException("one tail return per episode is needed: " + tailReturns.length + " for " + batch.episodes());
        }
        if (invalidEpisodes < 0 || invalidEpisodes > batch.episodes()) {
            throw new IllegalArgumentException("invalid episodes must be in [0, " + batch.episodes() + "]: " + invalidEpisodes);
        }
    }
}
