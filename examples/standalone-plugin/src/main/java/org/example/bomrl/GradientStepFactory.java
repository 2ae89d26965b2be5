package org.example.bomrl;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import io.vavr.control.Option;

import java.util.List;

/** {@code adapt.example.gradient-step} with its step size α ({@code step_size}, &gt; 0). */
public final class GradientStepFactory
        implements AdaptationAlgorithmFactory
{
    @Override
    public String name()
    {
        return "adapt.example.gradient-step";
    }

    @Override
    public String description()
    {
        return "one policy-gradient step on the surrogate S (example standalone plugin)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(SettingSpec.of("step_size", SettingType.DOUBLE, "0.7", "step size α > 0 of θ = φ + α∇S(φ)"));
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        double alpha = settings.getDouble("step_size");
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidSettingException(settings.scope() + ".step_size = " + alpha + " is invalid: expected a finite value > 0");
        }
        GradientStep step = new GradientStep(alpha);
        return new AdaptationAlgorithm()
        {
            @Override
            public Option<TabularAdaptation> tabular()
            {
                return Option.some(step);
            }
        };
    }
}
