package org.bomrl.metrics.distance;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.tck.TabularDistanceContract;

class KlAdaptedPriorContractTest
        extends TabularDistanceContract
{
    @Override
    protected TabularDistance distance()
    {
        return new KlAdaptedPrior();
    }
}
