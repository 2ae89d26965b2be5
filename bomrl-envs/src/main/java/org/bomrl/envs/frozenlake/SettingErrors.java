package org.bomrl.envs.frozenlake;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;

/** One-line {@link InvalidSettingException}s in the shape the settings themselves use. */
final class SettingErrors
{
    private SettingErrors() {}

    /** Values longer than this are abbreviated in messages. */
    static final int MAX_SHOWN = 100;

    /** {@code scope.key = 'value' (source) is invalid: reason}; a long value is abbreviated with an ellipsis. */
    static InvalidSettingException invalid(Settings settings, String key, Object value, String reason)
    {
        String shown = String.valueOf(value);
        if (shown.length() > MAX_SHOWN) {
            shown = shown.substring(0, MAX_SHOWN - 1) + "…";
        }
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + shown + "' (" + settings.source(key) + ") is invalid: " + reason);
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
