package org.bomrl.core.loop;

/**
 * A learner's running observation filter (spec §5b, {@code policy.observation_filter = running}):
 * the clip c of the normalised coordinates and the number of warm-up episodes of the initial policy
 * whose raw states initialise the statistics before meta-iteration 0.
 */
public record ObservationFilterSettings(double clip, int warmupEpisodes)
        implements java.io.Serializable
{
    public ObservationFilterSettings
    {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be positive: " + clip);
        }
        if (warmupEpisodes < 1) {
            throw new IllegalArgumentException("warm-up episodes must be ≥ 1: " + warmupEpisodes);
        }
    }

    /** The frozen filter of one meta-iteration: these settings' clip with {@code statistics}. */
    public ObservationFilter.Frozen frozen(ObservationStatistics statistics)
    {
        return new ObservationFilter.Frozen(clip, statistics);
    }
}
