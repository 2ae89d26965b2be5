package org.bomrl.metrics.compare;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The comparators on the paper's Frozen Lake task distributions (spec §5a), found through the envs plugin. */
class PaperDistributionComparatorTest
{
    /** Spec §5a: reach G after 6 moves, then +1 for the remaining 44 steps: 0.8⁵(1 − 0.8⁴⁴)/0.2 = 1.6383. */
    private static final double PAPER_OPTIMUM = Math.pow(0.8, 5) * (1 - Math.pow(0.8, 44)) / 0.2;
    private static final double EXACT = 1e-12;
    private static final String HIGH_VARIANCE = "env.frozenlake.paper-high-variance";

    @ParameterizedTest
    @ValueSource(strings = {HIGH_VARIANCE, "env.frozenlake.paper-low-variance"})
    void allTaskOptimumIsTheShortestPathValueOnEveryMap(String name)
    {
        TaskDistribution<?, ?> distribution = distribution(name);

        double[] train = new AllTaskOptimumComparator().referenceValues(distribution.trainTasks());
        double[] test = new AllTaskOptimumComparator().referenceValues(distribution.testTasks());

        assertThat(PAPER_OPTIMUM).isCloseTo(1.6383, within(5e-5));
        assertThat(train).isNotEmpty().containsOnly(new double[] {PAPER_OPTIMUM}, within(EXACT));
        assertThat(test).isNotEmpty().containsOnly(new double[] {PAPER_OPTIMUM}, within(EXACT));
    }

    @Test
    void bestSharedPolicyOnHighVarianceMapsLiesBetweenTheUniformPolicyAndTheAllTaskOptimum()
    {
        List<? extends Task<?, ?>> tasks = distribution(HIGH_VARIANCE).testTasks();
        MetaParameterComparator comparator = new MetaParameterComparator(300, 0.1, 2, 0);

        double[] shared = comparator.referenceValues(tasks);
        double[] optimum = new AllTaskOptimumComparator().referenceValues(tasks);
        double[] uniform = new double[tasks.size()];
        for (int i = 0; i < uniform.length; i++) {
            var mdp = tasks.get(i).exactModel().get();
            double[] policy = new double[mdp.states() * mdp.actions()];
            Arrays.fill(policy, 1.0 / mdp.actions());
            uniform[i] = new PolicyEvaluation(mdp).value(policy);
        }

        for (int i = 0; i < shared.length; i++) {
            assertThat(shared[i]).as("J(π̄) on %s", tasks.get(i).id()).isLessThanOrEqualTo(optimum[i] + EXACT);
        }
        assertThat(mean(shared)).isGreaterThan(mean(uniform));
        // no hole-free path is shared by all ten maps (spec §5a: G is entered from (2,3), a hole in
        // maps 2 and 5, or from (3,2), a hole in map 3), so the shared policy falls short of the optimum
        assertThat(mean(shared)).isLessThan(mean(optimum));
    }

    private static double mean(double[] values)
    {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static TaskDistribution<?, ?> distribution(String name)
    {
        EnvironmentFactory factory = ServiceLoader.load(BomrlPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .flatMap(plugin -> plugin.environmentFactories().stream())
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no environment factory named " + name + " on the test class path"));
        RunContext context = new RunContext(RandomSource.seeded(1), component -> {
            throw new IllegalStateException("the paper distributions resolve no components: " + component);
        });
        return factory.create(MapSettings.of("environment", Map.of(), factory.settings()), context);
    }
}
