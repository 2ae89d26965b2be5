package org.bomrl.mujoco.experiments;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.mujoco.bridge.NativeLibrary;
import org.bomrl.mujoco.locomotion.LocomotionFactories;

import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Shared set-up of the experiment tests: the MuJoCo assumption and families built as core builds them. */
final class Experiments
{
    private static final long RUN_SEED = 5L;

    private Experiments() {}

    /** Skips the calling test where MuJoCo is not installed (CI fails if anything in this module is skipped). */
    static void assumeNative()
    {
        assumeTrue(NativeLibrary.available(), "MuJoCo is not available: apt-get install libmujoco-dev");
    }

    /** The first meta-test task of the family {@code name} with the time limit {@code horizon} ({@code environment.horizon}). */
    @SuppressWarnings("unchecked")
    static Task<double[], double[]> firstTestTask(String name, int horizon)
    {
        return (Task<double[], double[]>) distribution(name, Integer.toString(horizon)).testTasks().get(0);
    }

    /** The family {@code name} (e.g. {@code env.mujoco.ant-dir}) with {@code environment.horizon = horizon}, created as core creates it. */
    static TaskDistribution<?, ?> distribution(String name, String horizon)
    {
        EnvironmentFactory factory = LocomotionFactories.all().stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory " + name));
        RunContext context = new RunContext(RandomSource.seeded(RUN_SEED), component -> {
            throw new AssertionError("environments resolve no components: " + component);
        });
        return factory.create(MapSettings.of("environment", Map.of("horizon", horizon), factory.settings()), context);
    }
}
