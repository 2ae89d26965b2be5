package org.bomrl.envs.frozenlake;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;

/** One-line {@link InvalidSettingException}s in the shape the settings themselves use. */
final class SettingErrors
{
    private SettingErrors() {}

    /** {@code scope.key = 'value' (source) is invalid: reason}. */
    static InvalidSettingException invalid(Settings settings, String key, Object value, String reason)
    {
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + value + "' (" + settings.source(key) + ") is invalid: " + reason);
    }

    /** Rejects {@code key} when it was given although the current choice does not read it. */
    static void rejectIfGiven(Settings settings, String key, String condition)
    {
        if (settings.raw(key).isDefined()) {
            throw new InvalidSettingException(settings.scope() + "." + key + " = '" + settings.raw(key).get() + "' (" + settings.source(key)
                    + ") is not used: it is read only when " + condition);
        }
    }

    /** γ ∈ [0, 1]. */
    static double gamma(Settings settings)
    {
        double gamma = settings.getDouble("gamma");
        if (!(gamma >= 0 && gamma <= 1)) {
            throw invalid(settings, "gamma", gamma, "expected a discount in [0, 1]");
        }
        return gamma;
    }
}
