package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

/** The {@code meta_train.*} section (spec §3.1, §5a "Meta-training"). */
public record MetaTrainSettings(int iterations, int tasksPerIteration, double learningRate, double initialLogit, int checkpointEvery)
{
    public static final String SCOPE = "meta_train";

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("iterations", SettingType.INTEGER, "150", "meta-iterations T"),
            SettingSpec.of("tasks_per_iteration", SettingType.INTEGER, "5", "distinct training tasks B sampled per iteration"),
            SettingSpec.of("learning_rate", SettingType.DOUBLE, "0.03", "Adam learning rate of the meta-update (gradient ascent)"),
            SettingSpec.of("initial_logit", SettingType.DOUBLE, "0.1", "every logit of φ_0"),
            SettingSpec.of("checkpoint_every", SettingType.INTEGER, "10", "write a checkpoint every N iterations (0: never)"));

    public static MetaTrainSettings parse(Settings settings)
    {
        MetaTrainSettings result = new MetaTrainSettings(settings.getInt("iterations"), settings.getInt("tasks_per_iteration"), settings.getDouble("learning_rate"),
                settings.getDouble("initial_logit"), settings.getInt("checkpoint_every"));
        if (result.iterations < 0 || result.tasksPerIteration < 1 || !(result.learningRate > 0) || result.checkpointEvery < 0) {
            throw new InvalidSettingException("meta_train: iterations ≥ 0, tasks_per_iteration ≥ 1, learning_rate > 0 and checkpoint_every ≥ 0 are required; got " + result);
        }
        return result;
    }
}
