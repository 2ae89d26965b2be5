package org.bomrl.metrics.compare;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.KnownOptimum;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.envs.lq.LinearQuadraticFactory;
import org.bomrl.envs.navigation.NavigationFactory;
import org.bomrl.numerics.lq.LinearGaussianReturn;
import org.bomrl.numerics.lq.RiccatiOptimum;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The all-task optimum of non-tabular tasks: from their known optimum or their linear-quadratic model. */
final class AllTaskOptimumCapabilitiesTest
{
    /** Round-off of two discounted sums of 100 distances along different floating-point paths. */
    private static final double ROUND_OFF = 1e-12;

    private final AllTaskOptimumComparator comparator = new AllTaskOptimumComparator();

    @Test
    void aKnownOptimumIsUsedBeforeTheTabularModel()
    {
        KnownOptimum known = () -> -3.25;
        double[] values = comparator.referenceValues(List.of(new CapabilityTask("known", known, null),
                new CapabilityTask("known-and-tabular", known, Mdps.bandit(1, 0)), new ModelTask("tabular", Mdps.bandit(0, 0.5))));

        assertThat(values).containsExactly(-3.25, -3.25, 0.5);
    }

    @Test
    void navigationOptimaAreTheReturnsOfTheGreedyPolicyInTheEnvironment()
    {
        TaskDistribution<?, ?> distribution = create(new NavigationFactory());
        @SuppressWarnings("unchecked")
        List<Task<double[], double[]>> tasks = (List<Task<double[], double[]>>) (List<?>) distribution.testTasks();

        double[] values = comparator.referenceValues(tasks);

        for (int i = 0; i < tasks.size(); i++) {
            Task<double[], double[]> task = tasks.get(i);
            String[] goal = task.id().substring("goal=(".length(), task.id().length() - 1).split(",");
            double gx = Double.parseDouble(goal[0]);
            double gy = Double.parseDouble(goal[1]);
            double total = 0;
            double discount = 1;
            try (Environment<double[], double[]> environment = task.newEnvironment()) {
                double[] p = environment.reset(0);
                for (boolean done = false; !done; ) {
                    Step<double[]> step = environment.step(new double[] {gx - p[0], gy - p[1]});
                    total += discount * step.reward();
                    discount *= 0.99;
                    done = step.done();
                    p = step.observation();
                }
            }
            assertThat(values[i]).as("task %s", task.id()).isCloseTo(total, within(ROUND_OFF));
        }
    }

    @Test
    void linearQuadraticOptimaComeFromTheRiccatiRecursionAndBoundEveryLinearGaussianPolicy()
    {
        TaskDistribution<?, ?> distribution = create(new LinearQuadraticFactory());
        List<? extends Task<?, ?>> tasks = distribution.testTasks();
        SplittableRandom random = RandomSource.seeded(14).derive("comparator-lq").generator();

        double[] values = comparator.referenceValues(tasks);

        for (int i = 0; i < tasks.size(); i++) {
            LinearQuadraticModel model = tasks.get(i).capability(LinearQuadraticModel.class).get();
            assertThat(values[i]).isEqualTo(RiccatiOptimum.solve(model).optimalReturn());
            LinearGaussianReturn objective = new LinearGaussianReturn(model);
            for (int trial = 0; trial < 20; trial++) {
                double[] theta = {-4 * random.nextDouble(), -4 * random.nextDouble(), random.nextDouble() - 0.5, -3 * random.nextDouble()};
                assertThat(objective.value(theta)).as("task %s, trial %d", tasks.get(i).id(), trial).isLessThan(values[i]);
            }
        }
    }

    @Test
    void tasksWithNeitherAreRejectedNamingTheTask()
    {
        assertThatThrownBy(() -> comparator.referenceValues(List.of(new CapabilityTask("known", (KnownOptimum) () -> 1, null),
                new CapabilityTask("half-cheetah-vel=1.5", "something else", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("half-cheetah-vel=1.5")
                .hasMessageContaining("no known optimum, linear-quadratic model or exact tabular model");
    }

    private static TaskDistribution<?, ?> create(EnvironmentFactory factory)
    {
        RunContext context = new RunContext(RandomSource.seeded(2), name -> {
            throw new AssertionError("unexpected component lookup: " + name);
        });
        return factory.create(MapSettings.of("environment", Map.of(), factory.settings()), context);
    }
}
