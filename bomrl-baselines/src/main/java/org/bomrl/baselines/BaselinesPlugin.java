package org.bomrl.baselines;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;

import java.util.List;

/**
 * The built-in baselines, registered in {@code META-INF/services/org.bomrl.api.BomrlPlugin}:
 * {@code adapt.pg} (the paper's "MAML" curve, spec §5a), {@code adapt.maml} (meta-trained
 * MAML, spec §7.1 item 6, §7.3), {@code adapt.maml-trpo}, {@code adapt.promp} and
 * {@code adapt.e-maml} (spec §7.3), and ProMP's outer optimiser {@code optimizer.promp-epochs}.
 */
public final class BaselinesPlugin
        implements BomrlPlugin
{
    @Override
    public List<AdaptationAlgorithmFactory> adaptationAlgorithmFactories()
    {
        return List.of(PolicyGradientFactory.policyGradient(), PolicyGradientFactory.maml(), new MamlTrpoFactory(), new ProMpFactory(), new EmamlFactory());
    }

    @Override
    public List<OuterOptimizerFactory> outerOptimizerFactories()
    {
        return List.of(new ProMpEpochsFactory());
    }
}
