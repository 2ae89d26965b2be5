package org.bomrl.envs.navigation;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;

import java.util.Map;
import java.util.function.BiConsumer;

/** Creates navigation distributions as core would: the factory's settings slice, a seeded context. */
final class Navigation
{
    private Navigation() {}

    static TaskDistribution<double[], double[]> create(Map<String, String> values)
    {
        NavigationFactory factory = new NavigationFactory();
        RunContext context = new RunContext(RandomSource.seeded(3), name -> {
            throw new AssertionError("environments resolve no components: " + name);
        });
        return factory.create(MapSettings.of("environment", values, factory.settings()), context);
    }

    /** Σ_t γ^t r_t of one episode of {@code task} under {@code policy}. */
    static double discountedReturn(NavigationTask task, BiConsumer<double[], double[]> policy)
    {
        double total = 0;
        double discount = 1;
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            double[] position = environment.reset(0);
            double[] action = new double[2];
            while (true) {
                policy.accept(position, action);
                Step<double[]> step = environment.step(action.clone());
                total += discount * step.reward();
                discount *= task.rules().gamma();
                if (step.done()) {
                    return total;
                }
                position = step.observation();
            }
        }
    }
}
