package org.bomrl.core.adapt;

import java.util.Arrays;

/** The {@code constraint} setting: penalised (spec §2.1) or trust-region (spec §2.7) lower level. */
enum ConstraintChoice
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

    String settingValue()
    {
        return settingValue;
    }

    static ConstraintChoice of(String value)
    {
        return Arrays.stream(values()).filter(choice -> choice.settingValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown constraint: " + value));
    }

    static String[] settingValues()
    {
        return Arrays.stream(values()).map(ConstraintChoice::settingValue).toArray(String[]::new);
    }
}
