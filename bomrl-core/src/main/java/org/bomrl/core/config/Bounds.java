package org.bomrl.core.config;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The range checks of one section, made together: every value out of its range is reported (one
 * line each, naming {@code scope.key}, the value and what is valid), not only the first.
 */
public final class Bounds
{
    private final Settings settings;
    private final String scope;
    private final List<String> errors = new ArrayList<>();

    private Bounds(Settings settings, String scope)
    {
        this.settings = settings;
        this.scope = scope;
    }

    public static Bounds of(Settings settings, String scope)
    {
        return new Bounds(settings, scope);
    }

    /** {@code key}'s value, recording an error if it is below {@code minimum}. */
    public int atLeast(String key, int minimum)
    {
        int value = settings.getInt(key);
        if (value < minimum) {
            errors.add(scope + "." + key + " = " + value + " is invalid: expected at least " + minimum);
        }
        return value;
    }

    /** Records {@code error} (one line naming the key, its value and what is valid) unless {@code valid}. */
    public void require(boolean valid, String error)
    {
        if (!valid) {
            errors.add(error);
        }
    }

    /** Throws every bound error recorded, one line each. */
    public void check()
    {
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
    }
}
