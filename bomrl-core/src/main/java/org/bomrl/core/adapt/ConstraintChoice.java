package org.bomrl.core.adapt;

import java.util.Arrays;

/** The {@code constraint} setting: penalised (spec §2.1) or trust-region (spec §2.7) lower level. */
enum ConstraintChoice
        implements SettingChoice
{
    /** max S − λD. */
    NONE("none"),
    /** max S subject to D ≤ δ. */
    TRUST_REGION("trust-region");

    private final String settingValue;

    ConstraintChoice(String settingValue)
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
        return Arrays.stream(values()).map(ConstraintChoice::settingValue).toArray(String[]::new);
    }
}
