package org.bomrl.core.plugin;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;

import java.util.List;
import java.util.function.Function;

/** The kinds of factories a {@link BomrlPlugin} contributes, with the name prefix each uses. */
public enum FactoryKind
{
    ENVIRONMENT("environment", "env.", BomrlPlugin::environmentFactories),
    DISTANCE("distance", "distance.", BomrlPlugin::distanceFactories),
    ADAPTATION("adaptation algorithm", "adapt.", BomrlPlugin::adaptationAlgorithmFactories),
    COMPARATOR("comparator", "compare.", BomrlPlugin::comparatorFactories),
    OPTIMIZER("outer optimizer", "optimizer.", BomrlPlugin::outerOptimizerFactories),
    POLICY("policy class", "policy.", BomrlPlugin::policyClassFactories),
    /** {@link BomrlPlugin#reportWriterFactories()} and, each wrapped in a factory without settings, the deprecated {@code reportWriters()}. */
    REPORT("report writer", "report.", SettinglessReportWriterFactory::contributions);

    private final String label;
    private final String prefix;
    private final Function<BomrlPlugin, List<? extends ComponentFactory<?>>> contributions;

    FactoryKind(String label, String prefix, Function<BomrlPlugin, List<? extends ComponentFactory<?>>> contributions)
    {
        this.label = label;
        this.prefix = prefix;
        this.contributions = contributions;
    }

    public String label()
    {
        return label;
    }

    /** The label in the plural, for listings: {@code environments}, {@code policy classes}. */
    public String plural()
    {
        return label + (label.endsWith("s") ? "es" : "s");
    }

    /** The conventional name prefix, e.g. {@code env.}. */
    public String prefix()
    {
        return prefix;
    }

    List<? extends ComponentFactory<?>> contributionsOf(BomrlPlugin plugin)
    {
        return contributions.apply(plugin);
    }
}
