package org.bomrl.metrics.distance;

import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.tck.GaussianDistanceContract;
import org.bomrl.api.tck.TanhGaussianPolicy;

/** The Gaussian view of {@code KlPriorAdapted} on the tanh fixture meets the Gaussian-distance contract. */
class KlPriorAdaptedGaussianTanhContractTest
        extends GaussianDistanceContract
{
    private static final GaussianPolicy POLICY = new TanhGaussianPolicy(3, 4, 2);

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
