package org.bomrl.envs.frozenlake;

import org.bomrl.api.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad settings fail with one-line messages naming the setting, the value and what is wrong. */
final class FrozenLakeSettingsTest
{
    private static final String GYM = "env.frozenlake";

    private static void assertInvalid(String name, Map<String, String> settings, String... fragments)
    {
        assertThatThrownBy(() -> Distributions.create(name, settings))
                .as("%s with %s", name, settings)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContainingAll(fragments);
    }

    private static Map<String, String> custom(String desc)
    {
        return Map.of("map_name", "custom", "desc", desc);
    }

    @Test
    void badCustomMaps()
    {
        assertInvalid(GYM, custom("SFFF,FXFH,FFFH,HFFG"), "environment.desc = 'SFFF,FXFH,FFFH,HFFG'", "cell (row 1, col 1) is 'X'");
        assertInvalid(GYM, custom("SFFF,FHF,FFFH,HFFG"), "environment.desc", "row 1 has 3 cells but row 0 has 4");
        assertInvalid(GYM, custom("SFFS,FHFH,FFFH,HFFG"), "environment.desc", "exactly one S and one G, found 2 S and 1 G");
        assertInvalid(GYM, custom("SFFF,FHFH,FFFH,HFFF"), "environment.desc", "found 1 S and 0 G");
        assertInvalid(GYM, custom("SFFF,FFFF,FFFH,FFHG"), "environment.desc", "no path from S to G");
        assertInvalid(GYM, Map.of("map_name", "custom"), "environment.desc is required when map_name = custom");
        List<String> rows = new ArrayList<>(Collections.nCopies(33, "F".repeat(33)));
        rows.set(0, "S" + "F".repeat(32));
        rows.set(32, "F".repeat(32) + "G");
        String huge = String.join(",", rows);
        assertInvalid(GYM, custom(huge), "environment.desc = 'SFFF", "…' (given)", "the map has 1089 cells, more than 1024");
    }

    @Test
    void settingsOfAnotherMapKindAreRejected()
    {
        assertInvalid(GYM, Map.of("desc", "SFFF,FHFH,FFFH,HFFG"), "environment.desc = 'SFFF,FHFH,FFFH,HFFG' (given) is not used", "map_name = custom");
        assertInvalid(GYM, Map.of("map_name", "8x8", "size", "8"), "environment.size", "read only when map_name = random");
        assertInvalid(GYM, Map.of("tasks", "3"), "environment.tasks", "read only when map_name = random");
        assertInvalid(GYM, Map.of("map_name", "16x16"), "environment.map_name = '16x16'", "one of 4x4, 8x8, custom, random");
    }

    @Test
    void badDynamicsAndRewards()
    {
        assertInvalid(GYM, Map.of("success_rate", "1.5"), "environment.success_rate = '1.5'", "[0, 1]");
        assertInvalid(GYM, Map.of("success_rate", "-0.1"), "environment.success_rate = '-0.1'", "[0, 1]");
        assertInvalid(GYM, Map.of("reward_schedule", "1,0"), "environment.reward_schedule = '1,0'", "three rewards (goal, hole, frozen), got 2");
        assertInvalid(GYM, Map.of("reward_schedule", "1,a,0"), "environment.reward_schedule", "decimal numbers");
        assertInvalid(GYM, Map.of("is_slippery", "maybe"), "environment.is_slippery = 'maybe'", "true or false");
        assertInvalid(GYM, Map.of("max_episode_steps", "-1"), "environment.max_episode_steps = '-1'", "positive number of steps");
        assertInvalid(GYM, Map.of("gamma", "1.5"), "environment.gamma = '1.5'", "[0, 1]");
    }

    @Test
    void badRandomMaps()
    {
        assertInvalid(GYM, Map.of("map_name", "random", "size", "1"), "environment.size = '1'", "from 2 to 32");
        assertInvalid(GYM, Map.of("map_name", "random", "size", "40"), "environment.size = '40'", "from 2 to 32");
        assertInvalid(GYM, Map.of("map_name", "random", "p", "0"), "environment.p = '0.0'", "(0, 1]");
        assertInvalid(GYM, Map.of("map_name", "random", "p", "1.2"), "environment.p = '1.2'", "(0, 1]");
        assertInvalid(GYM, Map.of("map_name", "random", "tasks", "0"), "environment.tasks = '0'", "1 to 10000");
        assertInvalid(GYM, Map.of("map_name", "random", "size", "8", "p", "0.05"), "environment.p = '0.05'", "had a path from S to G in 100000 draws; raise p");
    }

    @Test
    void badPaperSettings()
    {
        for (String name : new String[] {"env.frozenlake.paper-high-variance", "env.frozenlake.paper-low-variance"}) {
            assertInvalid(name, Map.of("horizon", "0"), "environment.horizon = '0'", "positive number of steps");
            assertInvalid(name, Map.of("gamma", "-0.1"), "environment.gamma = '-0.1'", "[0, 1]");
            assertInvalid(name, Map.of("gamma", "x"), "environment.gamma = 'x'", "decimal number");
        }
    }
}
