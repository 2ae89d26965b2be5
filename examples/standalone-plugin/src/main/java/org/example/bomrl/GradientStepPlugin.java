package org.example.bomrl;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;

import java.util.List;

/** The plugin: one adaptation algorithm, {@code adapt.example.gradient-step}. */
public final class GradientStepPlugin
        implements BomrlPlugin
{
    @Override
    public List<AdaptationAlgorithmFactory> adaptationAlgorithmFactories()
    {
        return List.of(new GradientStepFactory());
    }
}
