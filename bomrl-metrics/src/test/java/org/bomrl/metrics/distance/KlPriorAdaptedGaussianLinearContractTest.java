package org.bomrl.metrics.distance;

import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.tck.GaussianDistanceContract;
import org.bomrl.api.tck.LinearGaussianPolicy;

/** The Gaussian view of {@code KlPriorAdapted} on the linear fixture meets the Gaussian-distance contract. */
class KlPriorAdaptedGaussianLinearContractTest
        extends GaussianDistanceContract
{
    private static final GaussianPolicy POLICY = new LinearGaussianPolicy(3, 2);

    @Override
    protected GaussianDistance distance()
    {
        return new KlPriorAdapted().gaussian().get();
    }

    @Override
    protected GaussianPolicy policy()
    {
        return POLICY;
    }
}
