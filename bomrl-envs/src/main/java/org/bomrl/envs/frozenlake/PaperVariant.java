package org.bomrl.envs.frozenlake;

import java.util.List;

/**
 * The paper's two Frozen Lake task distributions (spec §5a): deterministic 4×4 moves, G and H of the
 * dynamics map absorbing, the reward of the entered cell paid every step.
 */
enum PaperVariant
{
    /** 10 hole maps; dynamics from the task map (holes absorbing); H −1, G +1, else 0. */
    HIGH_VARIANCE("env.frozenlake.paper-high-variance", "paper Frozen Lake, high task variance: 10 hole maps, holes absorbing (spec §5a)",
            new RewardSchedule(1, -1, 0), PaperMaps.HIGH_VARIANCE),
    /** 20 reward maps on the empty lake; H −0.5 (not absorbing), G +1 (absorbing), else 0. */
    LOW_VARIANCE("env.frozenlake.paper-low-variance", "paper Frozen Lake, low task variance: 20 reward maps on an empty lake (spec §5a)",
            new RewardSchedule(1, -0.5, 0), PaperMaps.LOW_VARIANCE);

    private final String factoryName;
    private final String description;
    private final RewardSchedule rewards;
    private final List<LakeMap> maps;

    PaperVariant(String factoryName, String description, RewardSchedule rewards, List<LakeMap> maps)
    {
        this.factoryName = factoryName;
        this.description = description;
        this.rewards = rewards;
        this.maps = maps;
    }

    String factoryName()
    {
        return factoryName;
    }

    String description()
    {
        return description;
    }

    List<LakeMap> maps()
    {
        return maps;
    }

    /** The rules of task {@code map}: the task map's own dynamics (high) or the empty lake's (low). */
    LakeRules rules(LakeMap map, int horizon, double gamma)
    {
        LakeMap dynamics = this == HIGH_VARIANCE ? map : PaperMaps.EMPTY_LAKE;
        return new LakeRules(dynamics, map, false, 1, rewards, Ending.ABSORB, horizon, gamma);
    }
}
