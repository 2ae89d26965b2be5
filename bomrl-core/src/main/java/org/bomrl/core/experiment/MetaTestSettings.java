package org.bomrl.core.experiment;

import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.Bounds;

import java.util.List;

/** The {@code meta_test.*} section (spec §2.6, §5a "Meta-test"): K rounds, repeated. */
public record MetaTestSettings(int rounds, int repetitions)
{
    public static final String SCOPE = "meta_test";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("rounds", SettingType.INTEGER, "4", "adaptation rounds K; returns are reported at steps 0..K"),
            SettingSpec.of("repetitions", SettingType.INTEGER, "8", "independent repetitions of the whole meta-test (mean ± std)"));

    public static MetaTestSettings parse(Settings settings)
    {
        Bounds bounds = Bounds.of(settings, SCOPE);
        MetaTestSettings result = new MetaTestSettings(bounds.atLeast("rounds", 0), bounds.atLeast("repetitions", 1));
        bounds.check();
        return result;
    }
}
