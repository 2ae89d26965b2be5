package org.bomrl.core.experiment;

import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.Bounds;

import java.util.List;

/**
 * The {@code meta_train.*} section (spec §3.1, §5a "Meta-training"); the outer optimiser is the
 * component {@code meta_train.optimizer} (default {@code optimizer.adam}) with its settings under
 * {@code meta_train.optimizer.*}.
 */
public record MetaTrainSettings(int iterations, int tasksPerIteration, double initialLogit, int checkpointEvery)
{
    public static final String SCOPE = "meta_train";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("iterations", SettingType.INTEGER, "150", "meta-iterations T"),
            SettingSpec.of("tasks_per_iteration", SettingType.INTEGER, "5", "distinct training tasks B sampled per iteration"),
            SettingSpec.of("initial_logit", SettingType.DOUBLE, "0.1", "every logit of φ_0"),
            SettingSpec.of("checkpoint_every", SettingType.INTEGER, "10", "write a checkpoint every N iterations (0: never)"));

    public static MetaTrainSettings parse(Settings settings)
    {
        Bounds bounds = Bounds.of(settings, SCOPE);
        MetaTrainSettings result = new MetaTrainSettings(bounds.atLeast("iterations", 0), bounds.atLeast("tasks_per_iteration", 1), settings.getDouble("initial_logit"),
                bounds.atLeast("checkpoint_every", 0));
        bounds.check();
        return result;
    }
}
