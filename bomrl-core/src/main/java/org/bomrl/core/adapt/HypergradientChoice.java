package org.bomrl.core.adapt;

import java.util.Arrays;

/** The {@code hypergradient} setting (spec §3.2, §3.3, §3.7). */
enum HypergradientChoice
        implements SettingChoice
{
    /** h = g: the Jacobian ∂θ*∕∂φ taken as the identity (spec §3.7, what the paper ran on Frozen Lake). */
    FIRST_ORDER("first-order"),
    /** Implicit differentiation of the lower level (spec §3.2, §3.6); the KKT system when constrained (spec §3.3). */
    IMPLICIT("implicit");

    private final String settingValue;

    HypergradientChoice(String settingValue)
    {
        this.settingValue = settingValue;
    }

    @Override
    public String settingValue()
    {
        return settingValue;
    }

    static String[] settingValues()
    {
        return Arrays.stream(values()).map(HypergradientChoice::settingValue).toArray(String[]::new);
    }
}
