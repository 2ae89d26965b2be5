package org.bomrl.core.adapt;

import java.util.Arrays;

/** The {@code solver} setting: how the per-state lower-level problem is solved (spec §2.4). */
enum SolverChoice
        implements SettingChoice
{
    /** Closed form where one exists (Alg(1) root-finding, Alg(2)), else the generic Newton solver. */
    AUTO("auto"),
    /** The closed form: Alg(1) root-finding (spec §2.4.1) or Alg(2) θ = φ + Q/λ (spec §2.4.2). */
    EXACT("exact"),
    /** The paper's 20 SGD steps on the clipped 4·KL loss (spec §2.4.1 "as coded"); Alg(1) only. */
    AS_CODED("as-coded"),
    /** Damped Newton on any tabular distance. */
    GENERIC("generic");

    private final String settingValue;

    SolverChoice(String settingValue)
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
        return Arrays.stream(values()).map(SolverChoice::settingValue).toArray(String[]::new);
    }
}
