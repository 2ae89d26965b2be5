package org.bomrl.envs.frozenlake;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;

import java.util.Map;

/** Creates the built-in distributions as core would: the factory's settings slice, a seeded context. */
final class Distributions
{
    static final long RUN_SEED = 7L;

    private Distributions() {}

    static EnvironmentFactory factory(String name)
    {
        return FrozenLakeFactories.all().stream()
                .filter(factory -> factory.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory " + name));
    }

    @SuppressWarnings("unchecked")
    static TaskDistribution<Integer, Integer> create(String name, Map<String, String> values)
    {
        EnvironmentFactory factory = factory(name);
        RunContext context = new RunContext(RandomSource.seeded(RUN_SEED), distance -> {
            throw new AssertionError("environments resolve no components: " + distance);
        });
        return (TaskDistribution<Integer, Integer>) factory.create(MapSettings.of("environment", values, factory.settings()), context);
    }

    static LakeTask task(String name, Map<String, String> values, int index)
    {
        return (LakeTask) create(name, values).trainTasks().get(index);
    }
}
