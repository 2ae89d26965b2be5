package org.bomrl.core.experiment;

import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.Bounds;

import java.util.List;

/** The {@code estimation.*} section: one estimated round (spec §5a). */
public record EstimationSettings(int episodes, double tdStep)
{
    public static final String SCOPE = "estimation";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("episodes", SettingType.INTEGER, "500", "episodes per round (estimated mode)"),
            SettingSpec.of("td_step", SettingType.DOUBLE, "0.3", "expected-SARSA TD(0) step size β"));

    public static EstimationSettings parse(Settings settings)
    {
        Bounds bounds = Bounds.of(settings, SCOPE);
        int episodes = bounds.atLeast("episodes", 1);
        double tdStep = settings.getDouble("td_step");
        bounds.require(tdStep > 0 && tdStep <= 1, SCOPE + ".td_step = " + tdStep + " is invalid: expected a number in (0, 1]");
        bounds.check();
        return new EstimationSettings(episodes, tdStep);
    }
}
