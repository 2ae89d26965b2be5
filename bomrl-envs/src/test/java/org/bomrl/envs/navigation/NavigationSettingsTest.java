package org.bomrl.envs.navigation;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class NavigationSettingsTest
{
    @Test
    void defaultsGiveTheThreeByThreeGridOfCellCentres()
    {
        TaskDistribution<double[], double[]> distribution = Navigation.create(Map.of());

        double third = 1.0 / 3;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected.add(NavigationTask.id(-0.5 + (i + 0.5) * third, -0.5 + (j + 0.5) * third));
            }
        }
        assertThat(distribution.testTasks()).extracting(Task::id).containsExactlyElementsOf(expected);
        assertThat(distribution.tabular()).isFalse();
        NavigationRules rules = ((NavigationTask) distribution.testTasks().get(0)).rules();
        assertThat(rules.horizon()).isEqualTo(100);
        assertThat(rules.gamma()).isEqualTo(0.99);
        assertThat(rules.maxSpeed()).isEqualTo(0.1);
        assertThat(rules.terminateWithin()).isEqualTo(0.0);
    }

    @Test
    void trainingGoalsAreDrawnFromTheRangeAndRebuiltExactlyFromTheirIds()
    {
        TaskDistribution<double[], double[]> distribution = Navigation.create(Map.of("goal_range", "-0.25,0.75"));
        List<Task<double[], double[]>> tasks = distribution.sampleTrainTasks(200, RandomSource.seeded(8).generator());

        for (Task<double[], double[]> task : tasks) {
            NavigationRules rules = ((NavigationTask) task).rules();
            assertThat(rules.goalX()).isBetween(-0.25, 0.75);
            assertThat(rules.goalY()).isBetween(-0.25, 0.75);
            NavigationRules rebuilt = ((NavigationTask) distribution.task(task.id())).rules();
            assertThat(rebuilt).isEqualTo(rules);
        }
        assertThat(distribution.task("goal=(0.25,-0.125)").id()).isEqualTo("goal=(0.25,-0.125)");
    }

    @Test
    void idsOutsideTheRangeOrNotCanonicalAreRejectedNamingTheId()
    {
        TaskDistribution<double[], double[]> distribution = Navigation.create(Map.of());

        assertThatThrownBy(() -> distribution.task("goal=(0.7,0.0)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goal=(0.7,0.0)").hasMessageContaining("[-0.5, 0.5]");
        assertThatThrownBy(() -> distribution.task("goal=(0.250,0.0)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goal=(0.25,0.0)");
        assertThatThrownBy(() -> distribution.task("map3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goal=(x,y)");
        assertThatThrownBy(() -> distribution.task("goal=(x,0.0)")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void explicitTestGoalsReplaceTheGrid()
    {
        TaskDistribution<double[], double[]> distribution = Navigation.create(Map.of("test_goals", "0.1,0.2, -0.3,0.4"));

        assertThat(distribution.testTasks()).extracting(Task::id).containsExactly("goal=(0.1,0.2)", "goal=(-0.3,0.4)");
    }

    @Test
    void badValuesNameTheKeyAndTheValidRange()
    {
        assertInvalid("horizon", "0", "environment.horizon = '0'", "from 1 to 1000000");
        assertInvalid("gamma", "1.5", "environment.gamma = '1.5'", "[0.0, 1.0]");
        assertInvalid("max_speed", "0", "environment.max_speed = '0.0'", "positive");
        assertInvalid("goal_range", "0.5,-0.5", "environment.goal_range = '0.5,-0.5'", "low < high");
        assertInvalid("goal_range", "0.5", "environment.goal_range = '0.5'", "two finite numbers");
        assertInvalid("test_grid", "0", "environment.test_grid = '0'", "from 1 to 100");
        assertInvalid("test_goals", "0.1,0.2,0.3", "environment.test_goals = '0.1,0.2,0.3'", "pairs x,y");
        assertInvalid("test_goals", "0.1,0.2,0.1,0.2", "environment.test_goals", "listed twice");
        assertInvalid("terminate_within", "-1", "environment.terminate_within = '-1.0'", "[0.0, Infinity]");
        assertInvalid("horizon", "ten", "environment.horizon = 'ten'", "an integer");
        assertThatThrownBy(() -> Navigation.create(Map.of("test_goals", "0.1,0.2", "test_grid", "4"))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("environment.test_grid").hasMessageContaining("test_goals");
    }

    @Test
    void fingerprintCoversEveryParameter()
    {
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(Navigation.create(Map.of()).fingerprint());
        List<Map<String, String>> variants = List.of(Map.of("horizon", "99"), Map.of("gamma", "0.98"), Map.of("max_speed", "0.2"),
                Map.of("goal_range", "-0.5,0.6"), Map.of("test_grid", "4"), Map.of("test_goals", "0.1,0.2"), Map.of("terminate_within", "0.01"));
        for (Map<String, String> variant : variants) {
            assertThat(fingerprints.add(Navigation.create(variant).fingerprint())).as("fingerprint of %s differs", variant).isTrue();
        }
        assertThat(Navigation.create(Map.of("horizon", "100")).fingerprint()).isEqualTo(Navigation.create(Map.of()).fingerprint());
    }

    private static void assertInvalid(String key, String value, String... fragments)
    {
        assertThatThrownBy(() -> Navigation.create(Map.of(key, value))).as("%s = %s", key, value).isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
    }
}
