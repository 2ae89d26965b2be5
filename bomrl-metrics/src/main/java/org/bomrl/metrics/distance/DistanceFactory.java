package org.bomrl.metrics.distance;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A factory of a stateless built-in distance: no settings, the same instance every time. */
record DistanceFactory(String name, String description, PolicyDistance distance)
        implements PolicyDistanceFactory
{
    DistanceFactory
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(distance, "distance is null");
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of();
    }

    @Override
    public PolicyDistance create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return distance;
    }
}
