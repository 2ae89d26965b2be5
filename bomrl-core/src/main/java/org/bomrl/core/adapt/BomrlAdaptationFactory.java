package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

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
        return "BO-MRL within-task algorithm Alg(1)-(3) / trust region with first-order, implicit or KKT hypergradients (tabular)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return BomrlSettings.specs();
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        BomrlSettings parsed = BomrlSettings.parse(settings);
        PolicyDistance distance = context.components().distance(parsed.distance());
        TabularDistance tabular = distance.tabular().getOrElseThrow(() -> new InvalidSettingException(
                settings.scope() + ".distance = '" + parsed.distance() + "' is invalid: that distance does not support tabular softmax policies"));
        return new BomrlAdaptation(parsed, tabular);
    }
}
