package org.bomrl.core.cli;

import org.bomrl.api.settings.InvalidSettingException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --set key=value} options. */
final class Overrides
{
    private Overrides() {}

    static Map<String, String> parse(List<String> assignments)
    {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSettingException("--set '" + assignment + "' is invalid: expected key=value");
            }
            overrides.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
        }
        return overrides;
    }
}
