package org.bomrl.mujoco.locomotion;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.mujoco.bridge.NativeLibrary;

import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Creates the families as core would: the factory's settings slice and a seeded context. */
final class Families
{
    static final long RUN_SEED = 11L;

    private Families() {}

    /** Skips the calling test where MuJoCo is not installed (CI fails if anything here is skipped). */
    static void assumeNative()
    {
        assumeTrue(NativeLibrary.available(), "MuJoCo is not available: apt-get install libmujoco-dev");
    }

    static EnvironmentFactory factory(String name)
    {
        return LocomotionFactories.all().stream()
                .filter(factory -> factory.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory " + name));
    }

    @SuppressWarnings("unchecked")
    static TaskDistribution<double[], double[]> create(String name, Map<String, String> values)
    {
        EnvironmentFactory factory = factory(name);
        RunContext context = new RunContext(RandomSource.seeded(RUN_SEED), distance -> {
            throw new AssertionError("environments resolve no components: " + distance);
        });
        return (TaskDistribution<double[], double[]>) factory.create(MapSettings.of("environment", values, factory.settings()), context);
    }
}
