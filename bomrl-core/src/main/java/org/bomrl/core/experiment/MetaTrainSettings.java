package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

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
        MetaTrainSettings result = new MetaTrainSettings(settings.getInt("iterations"), settings.getInt("tasks_per_iteration"), settings.getDouble("initial_logit"), settings.getInt("checkpoint_every"));
        if (result.iterations < 0 || result.tasksPerIteration < 1 || result.checkpointEvery < 0) {
            throw new InvalidSettingException("meta_train: iterations ≥ 0, tasks_per_iteration ≥ 1 and checkpoint_every ≥ 0 are required; got " + result);
        }
        return result;
    }
}
