package org.bomrl.envs.lq;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;

import java.util.Map;

/** Creates linear-quadratic distributions as core would: the factory's settings slice, a seeded context. */
final class LinearQuadratic
{
    private LinearQuadratic() {}

    static TaskDistribution<double[], double[]> create(Map<String, String> values)
    {
        LinearQuadraticFactory factory = new LinearQuadraticFactory();
        RunContext context = new RunContext(RandomSource.seeded(4), name -> {
            throw new AssertionError("environments resolve no components: " + name);
        });
        return factory.create(MapSettings.of("environment", values, factory.settings()), context);
    }
}
