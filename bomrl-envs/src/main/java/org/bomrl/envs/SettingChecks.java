package org.bomrl.envs;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;

/** Range checks of settings with one-line {@link InvalidSettingException}s naming the key, the value and the valid range. */
public final class SettingChecks
{
    private SettingChecks() {}

    public static InvalidSettingException invalid(Settings settings, String key, Object value, String reason)
    {
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + value + "' (" + settings.source(key) + ") is invalid: " + reason);
    }

    public static int intIn(Settings settings, String key, int low, int high)
    {
        int value = settings.getInt(key);
        if (value < low || value > high) {
            throw invalid(settings, key, value, "expected an integer from " + low + " to " + high);
        }
        return value;
    }

    /** low ≤ value ≤ high (either bound may be infinite). */
    public static double doubleIn(Settings settings, String key, double low, double high)
    {
        double value = settings.getDouble(key);
        if (!(value >= low && value <= high)) {
            throw invalid(settings, key, value, "expected a number in [" + low + ", " + high + "]");
        }
        return value;
    }

    public static double positive(Settings settings, String key)
    {
        double value = settings.getDouble(key);
        if (!(value > 0)) {
            throw invalid(settings, key, value, "expected a positive number");
        }
        return value;
    }

    /** Two finite numbers low &lt; high. */
    public static double[] range(Settings settings, String key)
    {
        double[] range = settings.getDoubles(key);
        String shown = String.join(",", settings.getList(key));
        if (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1]) || !(range[0] < range[1])) {
            throw invalid(settings, key, shown, "expected two finite numbers low,high with low < high");
        }
        return range;
    }
}
