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

    /** The first meta-test task of {@code family} with the time limit {@code horizon} ({@code environment.horizon}). */
    @SuppressWarnings("unchecked")
    static Task<double[], double[]> firstTestTask(String family, int horizon)
    {
        EnvironmentFactory factory = LocomotionFactories.all().stream()
                .filter(candidate -> candidate.name().equals(family))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory " + family));
        RunContext context = new RunContext(RandomSource.seeded(RUN_SEED), name -> {
            throw new AssertionError("environments resolve no components: " + name);
        });
        TaskDistribution<?, ?> distribution = factory.create(MapSettings.of("environment", Map.of("horizon", Integer.toString(horizon)), factory.settings()), context);
        return (Task<double[], double[]>) distribution.testTasks().get(0);
    }
}
