package org.bomrl.core.config;

import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.plugin.RegisteredFactory;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of policy distances, which components resolve by name rather than the experiment
 * selecting them: {@code distance.<distance name>.<key>} (like {@code comparator.<compare name>.<key>}).
 * A distance with keys given gets its whole slice (parsed, checked and recorded in the effective
 * configuration); one without keys gets its defaults, so configurations that set none are unchanged.
 */
public final class DistanceSettings
{
    public static final String SCOPE = "distance";

    private DistanceSettings() {}

    /** The slices of the distances among {@code distances} that {@code config} gives keys for, by distance name. */
    public static Map<String, Settings> from(ExperimentConfiguration config, Collection<RegisteredFactory> distances)
    {
        Map<String, Settings> result = new TreeMap<>();
        for (RegisteredFactory distance : distances) {
            String scope = SCOPE + "." + distance.name();
            if (!config.keysUnder(scope).isEmpty()) {
                MapSettings settings = config.settings(scope, distance.factory().settings());
                result.put(distance.name(), settings);
            }
        }
        return result;
    }
}
