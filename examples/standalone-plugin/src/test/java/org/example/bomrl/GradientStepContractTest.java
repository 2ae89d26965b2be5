package org.example.bomrl;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.tck.TabularAdaptationContract;

import java.util.Map;

/** {@code adapt.example.gradient-step} held to the api's adaptation contract (including the finite-difference hypergradient check). */
class GradientStepContractTest
        extends TabularAdaptationContract
{
    private final TabularAdaptation adaptation;

    GradientStepContractTest()
    {
        GradientStepFactory factory = new GradientStepFactory();
        RunContext context = new RunContext(RandomSource.seeded(1), name -> {
            throw new IllegalArgumentException("no distances needed: " + name);
        });
        adaptation = factory.create(MapSettings.of("adaptation", Map.of("step_size", "0.7"), factory.settings()), context).tabular().get();
    }

    @Override
    protected TabularAdaptation adaptation()
    {
        return adaptation;
    }

    @Override
    protected boolean ascendsSurrogate()
    {
        return false;
    }
}
