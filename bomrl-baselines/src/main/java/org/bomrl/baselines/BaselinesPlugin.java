package org.bomrl.baselines;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;

import java.util.List;

/**
 * The built-in baselines, registered in {@code META-INF/services/org.bomrl.api.BomrlPlugin}:
 * {@code adapt.pg} (the paper's "MAML" curve, spec §5a) and {@code adapt.maml} (meta-trained
 * MAML, spec §7.1 item 6, §7.3).
 */
public final class BaselinesPlugin
        implements BomrlPlugin
{
    @Override
    public List<AdaptationAlgorithmFactory> adaptationAlgorithmFactories()
    {
        return List.of(PolicyGradientFactory.policyGradient(), PolicyGradientFactory.maml(), new MamlTrpoFactory());
    }
}
