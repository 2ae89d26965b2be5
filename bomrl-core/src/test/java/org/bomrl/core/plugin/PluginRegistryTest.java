package org.bomrl.core.plugin;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class PluginRegistryTest
{
    @Test
    void duplicateNamesFailNamingBothClasses()
    {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new FirstPlugin(), new SecondPlugin())))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("duplicate environment name 'env.test.same'")
                .hasMessageContaining(FirstFactory.class.getName())
                .hasMessageContaining(SecondFactory.class.getName());
    }

    @Test
    void pluginFailingToListFactoriesIsNamed()
    {
        BomrlPlugin broken = new BomrlPlugin()
        {
            @Override
            public List<EnvironmentFactory> environmentFactories()
            {
                throw new IllegalStateException("boom");
            }
        };
        assertThatThrownBy(() -> PluginRegistry.of(List.of(broken)))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining(broken.getClass().getName())
                .hasMessageContaining("IllegalStateException: boom");
    }

    @Test
    void classPathPluginsAreFoundIncludingTheExampleJar()
    {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertThat(registry.find("env.example.bandit")).hasValueSatisfying(factory -> {
            assertThat(factory.kind()).isEqualTo(FactoryKind.ENVIRONMENT);
            assertThat(factory.origin()).endsWith(".jar");
        });
        assertThat(registry.find("env.frozenlake.paper-high-variance")).isPresent();
        assertThat(registry.find("adapt.bomrl")).isPresent();
        assertThat(registry.find("distance.kl-prior-adapted")).isPresent();
        assertThat(registry.find("compare.all-task-optimum")).isPresent();
        assertThat(registry.find("report.png")).hasValueSatisfying(factory -> assertThat(factory.kind()).isEqualTo(FactoryKind.REPORT));
    }

    static final class FirstPlugin
            implements BomrlPlugin
    {
        @Override
        public List<EnvironmentFactory> environmentFactories()
        {
            return List.of(new FirstFactory());
        }
    }

    static final class SecondPlugin
            implements BomrlPlugin
    {
        @Override
        public List<EnvironmentFactory> environmentFactories()
        {
            return List.of(new SecondFactory());
        }
    }

    static class FirstFactory
            implements EnvironmentFactory
    {
        @Override
        public String name()
        {
            return "env.test.same";
        }

        @Override
        public String description()
        {
            return "test";
        }

        @Override
        public List<SettingSpec> settings()
        {
            return List.of();
        }

        @Override
        public TaskDistribution<?, ?> create(Settings settings, RunContext context)
        {
            throw new UnsupportedOperationException("not created in these tests");
        }
    }

    static final class SecondFactory
            extends FirstFactory {}
}
