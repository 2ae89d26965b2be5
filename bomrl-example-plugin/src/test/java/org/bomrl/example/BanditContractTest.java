package org.bomrl.example;

import org.bomrl.api.context.ComponentResolver;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.tck.EnvironmentContract;

import java.util.Map;

/** The example plugin held to the environment contract, as any third-party plugin should be. */
final class BanditContractTest
        extends EnvironmentContract<Integer, Integer>
{
    @Override
    @SuppressWarnings("unchecked")
    protected TaskDistribution<Integer, Integer> distribution()
    {
        BanditFactory factory = new BanditFactory();
        ComponentResolver none = name -> {
            throw new IllegalArgumentException("no components in this test: " + name);
        };
        return (TaskDistribution<Integer, Integer>) factory.create(MapSettings.of("environment", Map.of(), factory.settings()), new RunContext(RandomSource.seeded(1), none));
    }
}
