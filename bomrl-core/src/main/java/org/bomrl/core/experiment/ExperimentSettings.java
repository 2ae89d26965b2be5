package org.bomrl.core.experiment;

import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.rollout.RoundMode;

import java.util.List;
import java.util.Locale;

/**
 * The {@code experiment.*} section.
 *
 * @param type {@code evaluate} (per-task optima and the uniform policy) or {@code meta-learning}
 * @param threads worker threads; results do not depend on it
 */
public record ExperimentSettings(String name, String type, long seed, int threads, RoundMode mode, List<String> comparators, List<String> reportWriters)
{
    public static final String SCOPE = "experiment";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("name", SettingType.STRING, "experiment", "name used in reports and the default run directory"),
            SettingSpec.choice("type", "meta-learning", "what to run: evaluate (optima and uniform policy), meta-learning (meta-train and meta-test methods), suite (suite.experiments = files) or seeds (seeds.<key>)",
                    "evaluate", "meta-learning", "suite", "seeds"),
            SettingSpec.of("seed", SettingType.LONG, "1", "root seed; every random stream of the run derives from it"),
            SettingSpec.of("threads", SettingType.INTEGER, "2", "worker threads for per-task work (results do not depend on it)"),
            SettingSpec.choice("mode", "estimated", "estimated: rollouts + TD as in the paper; exact: true Q and visitation from the tabular model", "estimated", "exact"),
            SettingSpec.of("comparators", SettingType.LIST, "compare.all-task-optimum", "optimality comparators the gap is reported against"),
            SettingSpec.of("report_writers", SettingType.LIST, "report.png", "report writers rendering the figures (empty for none)"));

    public static ExperimentSettings parse(Settings settings)
    {
        int threads = settings.getInt("threads");
        if (threads < 1 || threads > 256) {
            throw new org.bomrl.api.settings.InvalidSettingException("experiment.threads = " + threads + " is invalid: expected 1 to 256");
        }
        return new ExperimentSettings(settings.getString("name"), settings.getString("type"), settings.getLong("seed"), threads,
                RoundMode.valueOf(settings.getString("mode").toUpperCase(Locale.ROOT)), settings.getList("comparators"), settings.getList("report_writers"));
    }
}
