package org.bomrl.mujoco.locomotion;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Factory names, settings, variants, fingerprints, task ids and task sampling. */
final class FactoryTest
{
    private static final int DRAWS = 10_000;
    private static final double SIGMAS = 5;

    @Test
    void pluginListsTheFourFamilies()
    {
        List<String> names = ServiceLoader.load(BomrlPlugin.class).stream()
                .flatMap(provider -> provider.get().environmentFactories().stream())
                .map(ComponentFactory::name)
                .toList();
        assertThat(names).containsExactlyInAnyOrder("env.mujoco.half-cheetah-vel", "env.mujoco.half-cheetah-dir", "env.mujoco.ant-vel", "env.mujoco.ant-dir");
    }

    @Test
    void variantSettingOffersEachFamilysVariants()
    {
        assertThat(choices("env.mujoco.half-cheetah-vel", "variant")).containsExactly("bomrl", "promp", "maml");
        assertThat(choices("env.mujoco.half-cheetah-dir", "variant")).containsExactly("bomrl", "promp", "maml");
        assertThat(choices("env.mujoco.ant-vel", "variant")).containsExactly("bomrl", "maml");
        assertThat(choices("env.mujoco.ant-dir", "variant")).containsExactly("bomrl", "promp", "maml");
        assertThat(choices("env.mujoco.ant-vel", "actions")).containsExactly("unbounded", "bounded");
    }

    @Test
    void unknownVariantIsNamedWithTheValidOnes()
    {
        Families.assumeNative();
        assertThatThrownBy(() -> Families.create("env.mujoco.ant-vel", Map.of("variant", "promp")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("variant")
                .hasMessageContaining("bomrl, maml");
    }

    @Test
    void everyConfigurationHasItsOwnStableFingerprint()
    {
        Families.assumeNative();
        Set<String> fingerprints = new HashSet<>();
        int configurations = 0;
        for (EnvironmentFactory factory : LocomotionFactories.all()) {
            for (String variant : choices(factory.name(), "variant")) {
                for (String actions : List.of("unbounded", "bounded")) {
                    for (String tests : List.of("meta-test", "evaluation")) {
                        Map<String, String> settings = Map.of("variant", variant, "actions", actions, "test-tasks", tests);
                        String fingerprint = Families.create(factory.name(), settings).fingerprint();
                        assertThat(Families.create(factory.name(), settings).fingerprint()).isEqualTo(fingerprint);
                        fingerprints.add(fingerprint);
                        configurations++;
                    }
                }
            }
        }
        assertThat(fingerprints).hasSize(configurations);
    }

    @Test
    void metaTestGridsOfSpec5b()
    {
        Families.assumeNative();
        assertThat(ids("env.mujoco.half-cheetah-vel", "meta-test")).hasSize(19).startsWith("v=0.1", "v=0.2", "v=0.3").endsWith("v=1.9");
        assertThat(ids("env.mujoco.half-cheetah-vel", "evaluation"))
                .containsExactly("v=0.1", "v=0.3", "v=0.5", "v=0.7", "v=1.0", "v=1.3", "v=1.5", "v=1.7", "v=1.9");
        assertThat(ids("env.mujoco.ant-vel", "meta-test")).hasSize(29).startsWith("v=0.1").endsWith("v=2.8", "v=2.9");
        assertThat(ids("env.mujoco.ant-vel", "evaluation")).containsExactly("v=0.3", "v=0.6", "v=0.9", "v=1.2", "v=1.5", "v=1.8", "v=2.1", "v=2.4", "v=2.7");
        assertThat(ids("env.mujoco.ant-dir", "meta-test")).containsExactly("d=1.0", "d=-1.0");
    }

    @Test
    void velocityTasksAreUniformAndRebuiltExactlyFromTheirIds()
    {
        Families.assumeNative();
        TaskDistribution<double[], double[]> distribution = Families.create("env.mujoco.half-cheetah-vel", Map.of());
        SplittableRandom check = RandomSource.seeded(23).generator();
        List<Task<double[], double[]>> tasks = distribution.sampleTrainTasks(DRAWS, RandomSource.seeded(23).generator());
        double sum = 0;
        for (Task<double[], double[]> task : tasks) {
            double expected = 2.0 * check.nextDouble();
            assertThat(task.id()).isEqualTo("v=" + expected);
            assertThat(distribution.task(task.id())).isEqualTo(task);
            sum += expected;
        }
        // U[0, 2]: mean 1, standard deviation 2/√12
        assertThat(Math.abs(sum / DRAWS - 1.0)).isLessThan(SIGMAS * 2 / Math.sqrt(12.0 * DRAWS));
        for (String bad : List.of("v=2.5", "v=0.10", "v=-0.1", "d=1.0", "speed")) {
            assertThatThrownBy(() -> distribution.task(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void directionBatchesCycleForBomrlAndAreFairCoinsOtherwise()
    {
        Families.assumeNative();
        TaskDistribution<double[], double[]> bomrl = Families.create("env.mujoco.ant-dir", Map.of());
        assertThat(bomrl.sampleTrainTasks(4, RandomSource.seeded(1).generator()).stream().map(Task::id))
                .containsExactly("d=-1.0", "d=1.0", "d=-1.0", "d=1.0");
        TaskDistribution<double[], double[]> promp = Families.create("env.mujoco.ant-dir", Map.of("variant", "promp"));
        long negative = promp.sampleTrainTasks(DRAWS, RandomSource.seeded(2).generator()).stream().filter(task -> task.id().equals("d=-1.0")).count();
        assertThat(Math.abs(negative / (double) DRAWS - 0.5)).isLessThan(SIGMAS * 0.5 / Math.sqrt(DRAWS));
    }

    private static List<String> ids(String family, String tests)
    {
        return Families.create(family, Map.of("test-tasks", tests)).testTasks().stream().map(Task::id).toList();
    }

    private static List<String> choices(String family, String key)
    {
        return Families.factory(family).settings().stream().filter(spec -> spec.key().equals(key)).findFirst().map(SettingSpec::choices).orElseThrow();
    }
}
