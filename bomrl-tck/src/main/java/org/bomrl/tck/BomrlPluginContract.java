package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests for a {@link BomrlPlugin} as a whole. A plugin tests itself by extending this class
 * and returning an instance from {@link #plugin()}; the component contracts
 * ({@code org.bomrl.api.tck.TabularAdaptationContract}, {@code EnvironmentContract}, …) come with the
 * same dependency. Checked: the plugin is registered for {@link ServiceLoader} (a
 * {@code META-INF/services/org.bomrl.api.BomrlPlugin} entry naming its class), lists no null
 * factories, every factory has a namespaced name with its kind's prefix ({@code env.}, {@code distance.},
 * {@code adapt.}, {@code compare.}, {@code optimizer.}, {@code policy.}, {@code report.}) that is unique
 * in the plugin, a description, and settings with unique keys, descriptions, and defaults among their
 * choices; a report writer factory whose settings all have defaults creates, with them, a writer
 * named as the factory. Ready-made writers of the deprecated {@link BomrlPlugin#reportWriters()}
 * are held to the same naming rules (core registers each as a {@code report.} factory).
 */
public abstract class BomrlPluginContract
{
    /** The plugin under test. */
    protected abstract BomrlPlugin plugin();

    private record Named(String prefix, ComponentFactory<?> factory) {}

    private List<Named> factories()
    {
        BomrlPlugin plugin = plugin();
        List<Named> all = new ArrayList<>();
        add(all, "env.", plugin.environmentFactories());
        add(all, "distance.", plugin.distanceFactories());
        add(all, "adapt.", plugin.adaptationAlgorithmFactories());
        add(all, "compare.", plugin.comparatorFactories());
        add(all, "optimizer.", plugin.outerOptimizerFactories());
        add(all, "policy.", plugin.policyClassFactories());
        add(all, "report.", plugin.reportWriterFactories());
        return all;
    }

    @SuppressWarnings("deprecation")
    private List<ReportWriter> readyMadeWriters()
    {
        List<ReportWriter> writers = plugin().reportWriters();
        assertThat(writers).as("the ready-made report writers list").isNotNull().doesNotContainNull();
        return writers;
    }

    private static void add(List<Named> all, String prefix, List<? extends ComponentFactory<?>> factories)
    {
        assertThat(factories).as("the %s factories list", prefix).isNotNull().doesNotContainNull();
        factories.forEach(factory -> all.add(new Named(prefix, factory)));
    }

    @Test
    public void pluginIsRegisteredForTheServiceLoader()
    {
        Class<? extends BomrlPlugin> type = plugin().getClass();
        List<String> registered = ServiceLoader.load(BomrlPlugin.class, type.getClassLoader()).stream().map(provider -> provider.type().getName()).toList();
        assertThat(registered).as("classes in META-INF/services/%s", BomrlPlugin.class.getName()).contains(type.getName());
    }

    @Test
    public void pluginContributesSomething()
    {
        assertThat(factories().size() + readyMadeWriters().size()).as("factories and ready-made report writers").isPositive();
    }

    @Test
    public void factoryNamesAreNamespacedUniqueAndDescribed()
    {
        Set<String> names = new HashSet<>();
        for (Named named : factories()) {
            String name = named.factory().name();
            assertThat(name).as("name of %s", named.factory().getClass().getName()).isNotBlank().isEqualTo(name.strip());
            assertThat(name).as("name of %s", named.factory().getClass().getName()).startsWith(named.prefix()).hasSizeGreaterThan(named.prefix().length());
            assertThat(names.add(name)).as("'%s' is unique in the plugin", name).isTrue();
            assertThat(named.factory().description()).as("description of %s", name).isNotBlank();
        }
        for (ReportWriter writer : readyMadeWriters()) {
            String name = writer.name();
            assertThat(name).as("name of report writer %s", writer.getClass().getName()).isNotBlank().isEqualTo(name.strip()).startsWith("report.").hasSizeGreaterThan("report.".length());
            assertThat(names.add(name)).as("'%s' is unique in the plugin", name).isTrue();
        }
    }

    @Test
    public void reportWriterFactoriesCreateWritersNamedAsThemselvesFromTheirDefaults()
    {
        for (ReportWriterFactory factory : plugin().reportWriterFactories()) {
            List<SettingSpec> settings = factory.settings();
            if (settings.stream().allMatch(setting -> setting.defaultValue().isPresent())) {
                RunContext context = new RunContext(RandomSource.seeded(1).derive(factory.name()), name -> {
                    throw new InvalidSettingException("no components to resolve in the plugin contract: " + name);
                });
                ReportWriter writer = factory.create(MapSettings.of("report." + factory.name(), Map.of(), settings), context);
                assertThat(writer).as("writer created by %s", factory.name()).isNotNull();
                assertThat(writer.name()).as("name of the writer created by %s", factory.name()).isEqualTo(factory.name());
            }
        }
    }

    @Test
    public void settingsHaveUniqueKeysAndValidDefaults()
    {
        for (Named named : factories()) {
            String name = named.factory().name();
            List<SettingSpec> settings = named.factory().settings();
            assertThat(settings).as("settings of %s", name).isNotNull().doesNotContainNull();
            Set<String> keys = new HashSet<>();
            for (SettingSpec setting : settings) {
                assertThat(keys.add(setting.key())).as("%s: setting '%s' is declared once", name, setting.key()).isTrue();
                assertThat(setting.description()).as("%s: description of '%s'", name, setting.key()).isNotBlank();
                if (!setting.choices().isEmpty() && setting.defaultValue().isPresent()) {
                    assertThat(setting.choices()).as("%s: choices of '%s'", name, setting.key()).contains(setting.defaultValue().get());
                }
            }
        }
    }
}
