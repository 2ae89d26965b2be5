package org.bomrl.core.adapt;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code adapt.bomrl}: BO-MRL's within-task algorithm with the distance named by the
 * {@code distance} setting, obtained from the run context's registry ({@link BomrlAdaptation}).
 */
final class BomrlAdaptationFactory
        implements AdaptationAlgorithmFactory
{
    static final String NAME = "adapt.bomrl";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "BO-MRL within-task algorithm Alg(1)-(3): tabular (exact, as coded, Newton, trust region; first-order, implicit or KKT hypergradients) and Gaussian (smoothed surrogate, CG hypergradient)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        List<SettingSpec> specs = new ArrayList<>(BomrlSettings.specs());
        specs.addAll(GaussianBomrlSettings.specs());
        return List.copyOf(specs);
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        BomrlSettings parsed = BomrlSettings.parse(settings);
        GaussianBomrlSettings gaussianSettings = GaussianBomrlSettings.parse(settings);
        PolicyDistance distance = context.components().distance(parsed.distance());
        if (distance.tabular().isEmpty() && distance.gaussian().isEmpty()) {
            throw new InvalidSettingException(settings.scope() + ".distance = '" + parsed.distance() + "' is invalid: that distance supports neither tabular softmax nor Gaussian policies");
        }
        Option<TabularAdaptation> tabular = distance.tabular().map(view -> new BomrlAdaptation(parsed, view));
        Option<GaussianAdaptation> gaussian = distance.gaussian().map(view -> new GaussianBomrl(view, gaussianSettings));
        return new AdaptationAlgorithm()
        {
            @Override
            public Option<TabularAdaptation> tabular()
            {
                return tabular;
            }

            @Override
            public Option<GaussianAdaptation> gaussian()
            {
                return gaussian;
            }
        };
    }
}
