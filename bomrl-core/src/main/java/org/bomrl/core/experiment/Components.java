package org.bomrl.core.experiment;

import com.google.inject.Inject;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.context.ComponentResolver;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.config.DistanceSettings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.Suggestions;
import org.bomrl.core.plugin.PluginFaultException;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.plugin.RegisteredFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registered factories by kind (injected as Guice map bindings) and the one place components
 * are created, so every creation gets a seeded context and is recorded for provenance.
 * Thread-safe for lookups; {@link #create} is called from the experiment's set-up thread.
 */
public final class Components
{
    private final Map<String, EnvironmentFactory> environments;
    private final Map<String, PolicyDistanceFactory> distances;
    private final Map<String, AdaptationAlgorithmFactory> adaptations;
    private final Map<String, OptimalityComparatorFactory> comparators;
    private final Map<String, OuterOptimizerFactory> optimizers;
    private final Map<String, PolicyClassFactory> policies;
    private final Map<String, ReportWriterFactory> reportWriters;
    private final PluginRegistry registry;
    /** The scope of report writers' settings: {@code report.<writer name>.<key>}. */
    public static final String REPORT_SCOPE = "report";

    private final Set<String> used = new LinkedHashSet<>();
    private volatile Map<String, Settings> distanceSettings = Map.of();

    @Inject
    public Components(Map<String, EnvironmentFactory> environments, Map<String, PolicyDistanceFactory> distances, Map<String, AdaptationAlgorithmFactory> adaptations,
            Map<String, OptimalityComparatorFactory> comparators, Map<String, OuterOptimizerFactory> optimizers,
            Map<String, PolicyClassFactory> policies, Map<String, ReportWriterFactory> reportWriters, PluginRegistry registry)
    {
        this.environments = new TreeMap<>(environments);
        this.distances = new TreeMap<>(distances);
        this.adaptations = new TreeMap<>(adaptations);
        this.comparators = new TreeMap<>(comparators);
        this.optimizers = new TreeMap<>(optimizers);
        this.policies = new TreeMap<>(policies);
        this.reportWriters = new TreeMap<>(reportWriters);
        this.registry = registry;
    }

    public EnvironmentFactory environment(String key, String name)
    {
        return lookup(environments, "environment", key, name);
    }

    public PolicyDistanceFactory distance(String key, String name)
    {
        return lookup(distances, "distance", key, name);
    }

    public AdaptationAlgorithmFactory adaptation(String key, String name)
    {
        return lookup(adaptations, "adaptation algorithm", key, name);
    }

    public OptimalityComparatorFactory comparator(String key, String name)
    {
        return lookup(comparators, "comparator", key, name);
    }

    public OuterOptimizerFactory optimizer(String key, String name)
    {
        return lookup(optimizers, "outer optimizer", key, name);
    }

    public PolicyClassFactory policyClass(String key, String name)
    {
        return lookup(policies, "policy class", key, name);
    }

    public ReportWriterFactory reportWriter(String key, String name)
    {
        return lookup(reportWriters, "report writer", key, name);
    }

    /**
     * Creates the report writers {@code names} lists (the value of {@code key}), in order, each
     * with its slice {@value #REPORT_SCOPE}{@code .<writer name>.<key>} (like
     * {@code comparator.<compare name>.<key>}): parsed, checked and recorded in the effective
     * configuration when {@code config} gives a key there, else the writer's defaults, so that
     * configurations setting none keep their effective configuration and plan hash. A name listed
     * twice is refused.
     */
    public List<ReportWriter> reportWriters(ExperimentConfiguration config, String key, List<String> names, RandomSource random)
    {
        List<ReportWriter> writers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            ReportWriterFactory factory = reportWriter(key, name);
            if (!seen.add(name)) {
                throw new InvalidSettingException(key + ": '" + name + "' is listed twice");
            }
            String scope = REPORT_SCOPE + "." + name;
            Settings settings = config.keysUnder(scope).isEmpty() ? MapSettings.of(scope, Map.of(), factory.settings()) : config.settings(scope, factory.settings());
            writers.add(create(factory, settings, random));
        }
        return writers;
    }

    /**
     * Creates a component, giving it the random stream named after it and a resolver for its
     * collaborators. A factory that throws anything but an {@link InvalidSettingException} (a bad
     * setting), or returns null, is a {@link PluginFaultException} naming it and its jar.
     */
    public synchronized <T> T create(ComponentFactory<T> factory, Settings settings, RandomSource random)
    {
        used.add(factory.name());
        T component;
        try {
            component = factory.create(settings, new RunContext(random.derive(factory.name()), resolver(random)));
        }
        catch (InvalidSettingException | PluginFaultException e) {
            throw e;
        }
        catch (RuntimeException | LinkageError e) {
            throw PluginFaultException.threw(factory, e);
        }
        if (component == null) {
            throw PluginFaultException.returnedNull(factory);
        }
        return component;
    }

    /** A resolver creating distances with the settings of {@link #useDistanceSettings}, else their defaults. */
    public ComponentResolver resolver(RandomSource random)
    {
        return name -> {
            PolicyDistanceFactory factory = distance("distance", name);
            Settings settings = distanceSettings.get(name);
            return (PolicyDistance) create(factory, settings != null ? settings : MapSettings.of(DistanceSettings.SCOPE + "." + name, Map.of(), factory.settings()), random);
        };
    }

    /** The settings of the distances the experiment configures (by distance name), for the run started last. */
    public void useDistanceSettings(Map<String, ? extends Settings> settings)
    {
        distanceSettings = Map.copyOf(settings);
    }

    /** Starts a new run's record of created factories (a suite runs several experiments with one instance). */
    public synchronized void startRun()
    {
        used.clear();
        distanceSettings = Map.of();
    }

    /** The factories created since {@link #startRun()}, for provenance. */
    public synchronized List<RegisteredFactory> used()
    {
        return used.stream().map(name -> registry.find(name).orElseThrow()).toList();
    }

    private <F> F lookup(Map<String, F> factories, String kind, String key, String name)
    {
        F factory = factories.get(name);
        if (factory == null) {
            throw new InvalidSettingException(key + " = '" + name + "' is not a registered " + kind + Suggestions.didYouMean(name, factories.keySet())
                    + "; valid: " + (factories.isEmpty() ? "(none on the class path)" : String.join(", ", factories.keySet())));
        }
        return factory;
    }

    /** Names of the registered factories of each kind, for listings. */
    public Collection<String> environmentNames()
    {
        return environments.keySet();
    }
}
