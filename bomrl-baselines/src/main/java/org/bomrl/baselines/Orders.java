package org.bomrl.baselines;

import org.bomrl.api.settings.Settings;

/** Parses an {@code order} setting ({@code first} | {@code second}) of the Gaussian baselines (spec §7.3). */
final class Orders
{
    private Orders() {}

    static HypergradientOrder parse(Settings settings, String key)
    {
        String value = settings.getString(key).trim();
        return switch (value) {
            case "first" -> HypergradientOrder.FIRST;
            case "second" -> HypergradientOrder.SECOND;
            default -> throw PolicyGradientFactory.invalid(settings, key, value, "one of first, second");
        };
    }
}
