package org.bomrl.example;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.env.EnvironmentFactory;

import java.util.List;

/** Registered in META-INF/services/org.bomrl.api.BomrlPlugin; contributes one environment. */
public final class ExamplePlugin
        implements BomrlPlugin
{
    @Override
    public List<EnvironmentFactory> environmentFactories()
    {
        return List.of(new BanditFactory());
    }
}
