package org.bomrl.envs.frozenlake;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints identify a distribution: equal settings give equal fingerprints, any change of maps,
 * dynamics, rewards, horizon or γ changes them, and the defaults are pinned so an accidental change
 * of the hashed description is caught. If a pinned value changes on purpose, bump
 * {@link LakeDistribution#REWARD_VERSION} and update it here.
 */
final class FingerprintTest
{
    /** Recorded with REWARD_VERSION frozenlake-rewards-1. */
    private static final String PAPER_HIGH_VARIANCE = "cf373347d54db122";
    private static final String PAPER_LOW_VARIANCE = "f0c4c216889a63a1";
    private static final String GYMNASIUM_DEFAULT = "477461a3c80dc5e4";

    private static String fingerprint(String name, Map<String, String> settings)
    {
        return Distributions.create(name, settings).fingerprint();
    }

    @Test
    void defaultsArePinned()
    {
        assertThat(fingerprint("env.frozenlake.paper-high-variance", Map.of())).isEqualTo(PAPER_HIGH_VARIANCE);
        assertThat(fingerprint("env.frozenlake.paper-low-variance", Map.of())).isEqualTo(PAPER_LOW_VARIANCE);
        assertThat(fingerprint("env.frozenlake", Map.of())).isEqualTo(GYMNASIUM_DEFAULT);
    }

    @Test
    void everyDefiningSettingChangesTheFingerprint()
    {
        String base = fingerprint("env.frozenlake", Map.of());
        assertThat(fingerprint("env.frozenlake", Map.of("map_name", "4x4", "is_slippery", "true"))).as("explicit defaults").isEqualTo(base);
        for (Map<String, String> change : List.of(
                Map.of("map_name", "8x8"),
                Map.of("is_slippery", "false"),
                Map.of("success_rate", "0.5"),
                Map.of("reward_schedule", "1,-1,0"),
                Map.of("max_episode_steps", "50"),
                Map.of("gamma", "0.9"),
                Map.of("map_name", "custom", "desc", "SFFF,FHFF,FFFH,HFFG"))) {
            assertThat(fingerprint("env.frozenlake", change)).as("fingerprint with %s", change).isNotEqualTo(base);
        }
        assertThat(fingerprint("env.frozenlake", Map.of("map_name", "random", "seed", "1")))
                .isNotEqualTo(fingerprint("env.frozenlake", Map.of("map_name", "random", "seed", "2")));

        String high = fingerprint("env.frozenlake.paper-high-variance", Map.of());
        assertThat(fingerprint("env.frozenlake.paper-low-variance", Map.of())).isNotEqualTo(high);
        assertThat(fingerprint("env.frozenlake.paper-high-variance", Map.of("gamma", "0.9"))).isNotEqualTo(high);
        assertThat(fingerprint("env.frozenlake.paper-high-variance", Map.of("horizon", "50"))).isNotEqualTo(high);
    }
}
