package org.bomrl.core.config;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;
import org.bomrl.api.settings.SettingSpec;

import java.util.ArrayList;
import java.util.List;

/** Parses every explicitly given value once, so type errors surface before anything runs. */
public final class SettingsValidation
{
    private SettingsValidation() {}

    /** Throws the settings' own one-line error for every value of the wrong type or choice (all of them, one line each). */
    public static void check(Settings settings, List<SettingSpec> specs)
    {
        List<String> errors = new ArrayList<>();
        for (SettingSpec spec : specs) {
            if (settings.raw(spec.key()).isEmpty()) {
                continue;
            }
            try {
                switch (spec.type()) {
                    case STRING -> settings.getString(spec.key());
                    case INTEGER -> settings.getInt(spec.key());
                    case LONG -> settings.getLong(spec.key());
                    case DOUBLE -> settings.getDouble(spec.key());
                    case BOOLEAN -> settings.getBoolean(spec.key());
                    case LIST -> settings.getList(spec.key());
                }
            }
            catch (InvalidSettingException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
    }
}
