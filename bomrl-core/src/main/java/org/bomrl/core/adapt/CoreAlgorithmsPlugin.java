package org.bomrl.core.adapt;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.core.optim.AdamFactory;

import java.util.List;

/**
 * Registers core's own algorithms through the SPI, as any third-party jar would
 * ({@code META-INF/services/org.bomrl.api.BomrlPlugin}): {@code adapt.bomrl} and the outer optimisers.
 */
public final class CoreAlgorithmsPlugin
        implements BomrlPlugin
{
    @Override
    public List<AdaptationAlgorithmFactory> adaptationAlgorithmFactories()
    {
        return List.of(new BomrlAdaptationFactory());
    }

    @Override
    public List<OuterOptimizerFactory> outerOptimizerFactories()
    {
        return List.of(new AdamFactory());
    }
}
