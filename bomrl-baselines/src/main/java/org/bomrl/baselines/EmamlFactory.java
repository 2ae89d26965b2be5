package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code adapt.e-maml} on Gaussian policies ({@link GaussianEmaml}, spec §7.3), paired with
 * {@code meta_train.optimizer = optimizer.trpo} (trust region 0.01). Setting: {@code step_size} α
 * of the REINFORCE inner step (default 0.1).
 */
final class EmamlFactory
        implements AdaptationAlgorithmFactory
{
    static final String NAME = "adapt.e-maml";
    static final String STEP_SIZE = "step_size";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "E-MAML: one REINFORCE inner step, outer objective with the exploration term R̃·mean log π_φ on the pre-update batch (spec §7.3)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(SettingSpec.of(STEP_SIZE, SettingType.DOUBLE, "0.1", "α > 0 of the REINFORCE inner step"));
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        double stepSize = settings.getDouble(STEP_SIZE);
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw PolicyGradientFactory.invalid(settings, STEP_SIZE, Double.toString(stepSize), "a positive finite decimal number");
        }
        return ProMpFactory.gaussianOnly(NAME, new GaussianEmaml(stepSize));
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
