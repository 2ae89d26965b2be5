package org.bomrl.metrics.distance;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.tck.TabularDistanceContract;

class KlPriorAdaptedContractTest
        extends TabularDistanceContract
{
    @Override
    protected TabularDistance distance()
    {
        return new KlPriorAdapted();
    }
}
