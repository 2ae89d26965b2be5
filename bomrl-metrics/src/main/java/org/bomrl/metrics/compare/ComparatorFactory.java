package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** A factory of a built-in comparator: its declared settings and how it is made from them. */
record ComparatorFactory(String name, String description, List<SettingSpec> settings, Function<Settings, OptimalityComparator> maker)
        implements OptimalityComparatorFactory
{
    ComparatorFactory
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(maker, "maker is null");
    }

    @Override
    public OptimalityComparator create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return maker.apply(settings);
    }
}
