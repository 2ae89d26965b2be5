package org.bomrl.baselines;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code adapt.promp} on Gaussian policies ({@link GaussianProMp}, spec §7.3), paired with
 * {@code meta_train.optimizer = optimizer.promp-epochs}. Settings: {@code step_size} α of the LVC
 * inner step (default 0.1), {@code clip} ε of the clipped outer objective (default 0.3) and
 * {@code normalize_advantages} (default true, the ProMP code's default: every batch's advantages
 * standardised, {@link StandardisedAdvantages}).
 */
final class ProMpFactory
        implements AdaptationAlgorithmFactory
{
    static final String NAME = "adapt.promp";
    static final String STEP_SIZE = "step_size";
    static final String CLIP = "clip";
    static final String NORMALIZE_ADVANTAGES = "normalize_advantages";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "ProMP: one LVC inner step θ = φ + α∇J^LVC(φ), clipped outer objective on the post-update batch (spec §7.3)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of(STEP_SIZE, SettingType.DOUBLE, "0.1", "α > 0 of the LVC inner step"),
                SettingSpec.of(CLIP, SettingType.DOUBLE, "0.3", "ε in (0, 1) of the clipped outer objective min(r'Â', clip(r', 1−ε, 1+ε)Â')"),
                SettingSpec.of(NORMALIZE_ADVANTAGES, SettingType.BOOLEAN, "true", "standardise each batch's advantages, (Â − mean)/(std + 1e-8), as the ProMP code does"));
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        double stepSize = settings.getDouble(STEP_SIZE);
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw PolicyGradientFactory.invalid(settings, STEP_SIZE, Double.toString(stepSize), "a positive finite decimal number");
        }
        double clip = settings.getDouble(CLIP);
        if (!(clip > 0 && clip < 1)) {
            throw PolicyGradientFactory.invalid(settings, CLIP, Double.toString(clip), "a decimal number in (0, 1)");
        }
        GaussianAdaptation proMp = new GaussianProMp(stepSize, clip);
        GaussianAdaptation view = settings.getBoolean(NORMALIZE_ADVANTAGES) ? new StandardisedAdvantages(proMp) : proMp;
        return gaussianOnly(NAME, view);
    }

    /** An algorithm with only a Gaussian view. */
    static AdaptationAlgorithm gaussianOnly(String name, GaussianAdaptation view)
    {
        return new AdaptationAlgorithm()
        {
            @Override
            public Option<GaussianAdaptation> gaussian()
            {
                return Option.some(view);
            }

            @Override
            public String toString()
            {
                return name + "[" + view + "]";
            }
        };
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
