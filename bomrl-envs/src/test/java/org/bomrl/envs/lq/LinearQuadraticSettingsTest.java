package org.bomrl.envs.lq;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.LinearQuadraticModel;
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

final class LinearQuadraticSettingsTest
{
    @Test
    void defaultsGiveADoubleIntegratorFamilyOnAThreeByThreeGrid()
    {
        TaskDistribution<double[], double[]> distribution = LinearQuadratic.create(Map.of());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected.add(LinearQuadraticTask.id(-0.1 + (i + 0.5) * (0.2 / 3), 0.5 + (j + 0.5) * (1.0 / 3)));
            }
        }
        assertThat(distribution.testTasks()).extracting(Task::id).containsExactlyElementsOf(expected);
        assertThat(distribution.tabular()).isFalse();
        LinearQuadraticModel model = distribution.task("a=0.0,b=1.0").capability(LinearQuadraticModel.class).get();
        LinearQuadraticModel expectedModel = new LinearQuadraticModel(new double[][] {{1, 0.1}, {0, 1}}, new double[][] {{0}, {0.1}},
                new double[][] {{1, 0}, {0, 1}}, new double[][] {{0.1}}, new double[][] {{0.05 * 0.05, 0}, {0, 0.05 * 0.05}}, new double[] {1, 1},
                new double[][] {{0.1 * 0.1, 0}, {0, 0.1 * 0.1}}, 0.99, 50);
        assertThat(model).isEqualTo(expectedModel);
    }

    @Test
    void trainingTasksAreDrawnFromTheRangesAndRebuiltExactlyFromTheirIds()
    {
        TaskDistribution<double[], double[]> distribution = LinearQuadratic.create(Map.of("a_range", "-0.3,0.2", "b_range", "2,3"));

        for (Task<double[], double[]> task : distribution.sampleTrainTasks(100, RandomSource.seeded(12).generator())) {
            double[] parameters = LinearQuadraticTask.parseParameters(task.id());
            assertThat(parameters[0]).isBetween(-0.3, 0.2);
            assertThat(parameters[1]).isBetween(2.0, 3.0);
            LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
            assertThat(distribution.task(task.id()).capability(LinearQuadraticModel.class).get()).isEqualTo(model);
        }
    }

    @Test
    void idsOutsideTheRangesOrNotCanonicalAreRejectedNamingTheId()
    {
        TaskDistribution<double[], double[]> distribution = LinearQuadratic.create(Map.of());

        assertThatThrownBy(() -> distribution.task("a=0.5,b=1.0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=0.5,b=1.0")
                .hasMessageContaining("a ∈ [-0.1, 0.1]");
        assertThatThrownBy(() -> distribution.task("a=0.00,b=1.0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=0.0,b=1.0");
        assertThatThrownBy(() -> distribution.task("goal=(0.1,0.2)")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=<a>,b=<b>");
    }

    @Test
    void badValuesNameTheKeyAndTheValidRange()
    {
        assertInvalid(Map.of("state_dim", "0"), "environment.state_dim = '0'", "from 1 to 16");
        assertInvalid(Map.of("action_dim", "3"), "environment.action_dim = '3'", "from 1 to 2");
        assertInvalid(Map.of("dt", "-0.1"), "environment.dt = '-0.1'", "positive");
        assertInvalid(Map.of("a_range", "0.1,-0.1"), "environment.a_range = '0.1,-0.1'", "low < high");
        assertInvalid(Map.of("b_range", "1"), "environment.b_range = '1'", "two finite numbers");
        assertInvalid(Map.of("state_cost", "-1"), "environment.state_cost = '-1.0'", "[0.0, Infinity]");
        assertInvalid(Map.of("action_cost", "0"), "environment.action_cost = '0.0'", "positive");
        assertInvalid(Map.of("noise_std", "-0.5"), "environment.noise_std = '-0.5'", "[0.0, Infinity]");
        assertInvalid(Map.of("initial_std", "-1"), "environment.initial_std = '-1.0'", "[0.0, Infinity]");
        assertInvalid(Map.of("horizon", "0"), "environment.horizon = '0'", "from 1 to 100000");
        assertInvalid(Map.of("gamma", "-0.1"), "environment.gamma = '-0.1'", "[0.0, 1.0]");
        assertInvalid(Map.of("test_grid", "101"), "environment.test_grid = '101'", "from 1 to 100");
        assertInvalid(Map.of("initial_mean", "NaN"), "environment.initial_mean = 'NaN'", "finite");
    }

    @Test
    void fingerprintCoversEveryParameter()
    {
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(LinearQuadratic.create(Map.of()).fingerprint());
        List<Map<String, String>> variants = List.of(Map.of("state_dim", "3"), Map.of("action_dim", "2"), Map.of("dt", "0.2"), Map.of("a_range", "-0.1,0.2"),
                Map.of("b_range", "0.5,1.6"), Map.of("state_cost", "2"), Map.of("action_cost", "0.2"), Map.of("noise_std", "0.06"),
                Map.of("initial_mean", "0.9"), Map.of("initial_std", "0.2"), Map.of("horizon", "49"), Map.of("gamma", "0.9"), Map.of("test_grid", "2"));
        for (Map<String, String> variant : variants) {
            assertThat(fingerprints.add(LinearQuadratic.create(variant).fingerprint())).as("fingerprint of %s differs", variant).isTrue();
        }
        assertThat(LinearQuadratic.create(Map.of("gamma", "0.99")).fingerprint()).isEqualTo(LinearQuadratic.create(Map.of()).fingerprint());
    }

    private static void assertInvalid(Map<String, String> values, String... fragments)
    {
        assertThatThrownBy(() -> LinearQuadratic.create(values)).as("%s", values).isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
    }
}
