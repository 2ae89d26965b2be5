package org.bomrl.envs.frozenlake;

import java.util.Arrays;
import java.util.List;

/**
 * The task maps of the paper's Frozen Lake experiments (spec §5a, {@code maps/map0..9.npy} and
 * {@code maps_nohole/map0..19.npy} of the released code), and the empty lake whose dynamics the
 * low-variance tasks share.
 */
final class PaperMaps
{
    /** Dynamics of every low-variance task: no physical holes. */
    static final LakeMap EMPTY_LAKE = LakeMap.parse("SFFF,FFFF,FFFF,FFFG");

    /** High task variance: 10 hole maps (holes absorbing, −1 per step in a hole). */
    static final List<LakeMap> HIGH_VARIANCE = maps(
            "SFFF,FFFF,FFFF,FFFG",
            "SFFF,FFFF,FFFF,FFFG",
            "SFFF,FFFF,FFFH,FHFG",
            "SFFH,FFFF,FFHF,FFHG",
            "SFFF,FFFF,FFFF,FHFG",
            "SFFF,FFFF,FFHH,FFFG",
            "SFFF,FFFF,FHHF,FFFG",
            "SFFF,FFFF,FFFF,FFFG",
            "SFFH,FFFF,FFFF,FFFG",
            "SFFF,FFFH,FFFF,FFFG");

    /** Low task variance: 20 reward maps (H cells pay −0.5 but are not holes). */
    static final List<LakeMap> LOW_VARIANCE = maps(
            "SFFH,FFFH,FFFF,FHFG",
            "SFFF,HFFF,FFFF,FFFG",
            "SFFF,FFFF,FHHF,FHHG",
            "SFFF,FFHF,HFFF,FFHG",
            "SFFF,FFFH,FFHF,FFFG",
            "SFFF,HFFF,FFFF,FFFG",
            "SFFF,FFFF,FHHF,FFFG",
            "SFFF,FFFF,FFFF,HFFG",
            "SFHF,FFFF,FFHF,FFFG",
            "SFFH,FFFF,FHFF,FFHG",
            "SHHF,FFFH,FFFF,FHFG",
            "SHFF,FFFF,FFFF,FFFG",
            "SFFF,FFFF,FFFF,HHFG",
            "SFFH,FFFF,FFHF,HFFG",
            "SHHF,FFFF,FFFF,HFFG",
            "SFFF,FFFF,FFFF,FFHG",
            "SFFF,FFFF,FFFH,HFFG",
            "SFFF,FFFF,FFFF,FFFG",
            "SFFF,FFFF,FFHF,FFHG",
            "SFFF,FFFF,FFFF,FFFG");

    private PaperMaps() {}

    private static List<LakeMap> maps(String... texts)
    {
        return Arrays.stream(texts).map(LakeMap::parse).toList();
    }
}
