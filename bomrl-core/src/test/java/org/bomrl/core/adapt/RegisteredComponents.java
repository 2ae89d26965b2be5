package org.bomrl.core.adapt;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.context.ComponentResolver;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.Settings;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A hand-written registry for tests: every distance and adaptation factory of the plugins found by
 * {@link ServiceLoader} on the test class path (bomrl-metrics' distances, this module's
 * {@code adapt.bomrl}), looked up by name only.
 */
final class RegisteredComponents
        implements ComponentResolver
{
    private final Map<String, PolicyDistanceFactory> distances = new TreeMap<>();
    private final Map<String, AdaptationAlgorithmFactory> algorithms = new TreeMap<>();

    RegisteredComponents()
    {
        for (BomrlPlugin plugin : ServiceLoader.load(BomrlPlugin.class)) {
            plugin.distanceFactories().forEach(factory -> distances.put(factory.name(), factory));
            plugin.adaptationAlgorithmFactories().forEach(factory -> algorithms.put(factory.name(), factory));
        }
    }

    @Override
    public PolicyDistance distance(String name)
    {
        PolicyDistanceFactory factory = distances.get(name);
        if (factory == null) {
            throw new InvalidSettingException("unknown distance '" + name + "': registered are " + distances.keySet());
        }
        return factory.create(MapSettings.of("distance", Map.of(), factory.settings()), context());
    }

    TabularDistance tabularDistance(String name)
    {
        return distance(name).tabular().get();
    }

    AdaptationAlgorithmFactory bomrlFactory()
    {
        AdaptationAlgorithmFactory factory = algorithms.get("adapt.bomrl");
        if (factory == null) {
            throw new IllegalStateException("adapt.bomrl is not registered; registered are " + algorithms.keySet());
        }
        return factory;
    }

    /** The settings slice {@code method.adaptation} with the given explicit values. */
    Settings settings(Map<String, String> values)
    {
        return MapSettings.of("method.adaptation", values, bomrlFactory().settings());
    }

    /** {@code adapt.bomrl} created through its factory with the given explicit settings. */
    BomrlAdaptation bomrl(Map<String, String> values)
    {
        return (BomrlAdaptation) bomrlFactory().create(settings(values), context()).tabular().get();
    }

    private RunContext context()
    {
        return new RunContext(RandomSource.seeded(1L).derive("adapt-test"), this);
    }
}
