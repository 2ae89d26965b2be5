package org.bomrl.envs;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin is found by ServiceLoader and its factories work with their declared defaults: Frozen Lake tabular, the continuous families not. */
final class EnvsPluginTest
{
    @Test
    void serviceLoaderFindsThePluginAndItsFactories()
    {
        List<BomrlPlugin> plugins = ServiceLoader.load(BomrlPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
        List<BomrlPlugin> ours = plugins.stream().filter(plugin -> plugin instanceof EnvsPlugin).toList();

        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).environmentFactories()).extracting(ComponentFactory::name)
                .containsExactly("env.frozenlake", "env.frozenlake.paper-high-variance", "env.frozenlake.paper-low-variance", "env.navigation-2d",
                        "env.linear-quadratic");
        assertThat(ours.get(0).distanceFactories()).isEmpty();
    }

    @Test
    void everyFactoryCreatesItsDistributionFromItsDefaults()
    {
        RunContext context = new RunContext(RandomSource.seeded(1), name -> {
            throw new AssertionError("unexpected component lookup: " + name);
        });
        for (EnvironmentFactory factory : new EnvsPlugin().environmentFactories()) {
            assertThat(factory.description()).as("%s description", factory.name()).isNotBlank();
            assertThat(factory.settings()).extracting(SettingSpec::key).as("%s setting keys", factory.name()).doesNotHaveDuplicates();
            assertThat(factory.settings()).as("%s settings have defaults", factory.name()).allSatisfy(spec -> assertThat(spec.defaultValue()).isPresent());
            TaskDistribution<?, ?> distribution = factory.create(MapSettings.of("environment", Map.of(), factory.settings()), context);
            boolean continuous = factory.name().equals("env.navigation-2d") || factory.name().equals("env.linear-quadratic");
            assertThat(distribution.tabular()).as("%s is tabular", factory.name()).isEqualTo(!continuous);
            assertThat(distribution.testTasks()).as("%s test tasks", factory.name()).isNotEmpty();
        }
    }
}
