package org.bomrl.envs.frozenlake;

import java.util.List;
import java.util.Map;

/**
 * Gymnasium's preloaded maps ({@code MAPS} in {@code gymnasium/envs/toy_text/frozen_lake.py}) and
 * the time limits of its registrations: {@code FrozenLake8x8-v1} has {@code max_episode_steps=200},
 * {@code FrozenLake-v1} (any other map) 100.
 */
final class GymnasiumMaps
{
    static final LakeMap FOUR_BY_FOUR = new LakeMap(List.of("SFFF", "FHFH", "FFFH", "HFFG"));
    static final LakeMap EIGHT_BY_EIGHT = new LakeMap(List.of(
            "SFFFFFFF",
            "FFFFFFFF",
            "FFFHFFFF",
            "FFFFFHFF",
            "FFFHFFFF",
            "FHHFFFHF",
            "FHFFHFHF",
            "FFFHFFFG"));
    static final Map<String, LakeMap> NAMED = Map.of("4x4", FOUR_BY_FOUR, "8x8", EIGHT_BY_EIGHT);

    private static final int STEPS_8X8 = 200;
    private static final int STEPS_OTHER = 100;

    private GymnasiumMaps() {}

    /** The registered {@code max_episode_steps}: 200 for an 8×8 map, 100 otherwise. */
    static int registeredMaxEpisodeSteps(LakeMap map)
    {
        return map.nrow() == 8 && map.ncol() == 8 ? STEPS_8X8 : STEPS_OTHER;
    }
}
