package org.bomrl.bench;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.experiment.Components;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;

import java.util.Map;

/** Creates registered components by name for benchmark set-up, exactly as an experiment would. */
final class BenchmarkComponents
{
    private static final Components COMPONENTS = Injection.create(PluginRegistry.load(BenchmarkComponents.class.getClassLoader())).getInstance(Components.class);

    private BenchmarkComponents() {}

    @SuppressWarnings("unchecked")
    static TaskDistribution<Integer, Integer> environment(String name, Map<String, String> settings)
    {
        ComponentFactory<TaskDistribution<?, ?>> factory = COMPONENTS.environment("environment", name);
        return (TaskDistribution<Integer, Integer>) COMPONENTS.create(factory, MapSettings.of("environment", settings, factory.settings()), RandomSource.seeded(1));
    }

    static TabularAdaptation adaptation(String name, Map<String, String> settings)
    {
        var factory = COMPONENTS.adaptation("adaptation", name);
        return COMPONENTS.create(factory, MapSettings.of("adaptation", settings, factory.settings()), RandomSource.seeded(1)).tabular().get();
    }
}
