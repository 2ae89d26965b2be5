package org.bomrl.api.settings;

import org.bomrl.api.Stable;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One setting a component reads: its key (relative to the component's slice), type, default
 * (empty when the setting is required), description and, for enumerations, the valid choices.
 */
@Stable(since = "0.1")
public record SettingSpec(String key, SettingType type, Optional<String> defaultValue, String description, List<String> choices)
{
    public SettingSpec
    {
        requireNonNull(key, "key is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        choices = List.copyOf(requireNonNull(choices, "choices is null"));
        if (key.isBlank()) {
            throw new IllegalArgumentException("setting key is blank");
        }
        if (!choices.isEmpty() && defaultValue.isPresent() && !choices.contains(defaultValue.get())) {
            throw new IllegalArgumentException("default '" + defaultValue.get() + "' of setting '" + key + "' is not one of " + choices);
        }
    }

    /** A setting with a default value. */
    public static SettingSpec of(String key, SettingType type, String defaultValue, String description)
    {
        return new SettingSpec(key, type, Optional.of(defaultValue), description, List.of());
    }

    /** A setting that must be given. */
    public static SettingSpec required(String key, SettingType type, String description)
    {
        return new SettingSpec(key, type, Optional.empty(), description, List.of());
    }

    /** A string setting restricted to {@code choices}, defaulting to {@code defaultValue}. */
    public static SettingSpec choice(String key, String defaultValue, String description, String... choices)
    {
        return new SettingSpec(key, SettingType.STRING, Optional.of(defaultValue), description, List.of(choices));
    }
}
