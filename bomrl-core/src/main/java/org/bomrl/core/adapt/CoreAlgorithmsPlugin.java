package org.bomrl.core.adapt;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.core.optim.AdamFactory;
import org.bomrl.core.optim.TrustRegionFactory;
import org.bomrl.core.policy.GaussianMlpFactory;

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
        return List.of(new AdamFactory(), new TrustRegionFactory());
    }

    @Override
    public List<PolicyClassFactory> policyClassFactories()
    {
        return List.of(new GaussianMlpFactory());
    }
}
