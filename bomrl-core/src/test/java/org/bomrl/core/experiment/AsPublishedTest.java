package org.bomrl.core.experiment;

import org.bomrl.api.env.Task;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The per-map λ schedule and the prior choices of the as-published Figure-1 panels (spec §5a). */
final class AsPublishedTest
{
    private static final Path FIGURE1 = Path.of("..", "examples", "figure1");
    private static final double EXACT_TOLERANCE = 1e-12;
    /** Few iterations and episodes: the tests check protocol, not numbers. */
    private static final Map<String, String> QUICK = Map.of("meta_train.iterations", "2", "estimation.episodes", "20", "meta_test.repetitions", "1",
            "meta_test.rounds", "1", "experiment.report_writers", "");

    @TempDir
    Path directory;

    @Test
    void mapKIsAdaptedWithLambdaTimesGrowthToTheKPlusOne()
            throws IOException
    {
        Path run = TestRuns.run(directory, "growth", """
                experiment.name = growth
                experiment.type = meta-learning
                experiment.mode = exact
                experiment.comparators = compare.all-task-optimum
                experiment.report_writers =
                environment = env.frozenlake.paper-high-variance
                meta_test.rounds = 1
                meta_test.repetitions = 1
                methods = grown
                method.grown.prior = uniform
                method.grown.adaptation = adapt.bomrl
                method.grown.adaptation.distance = distance.kl-adapted-prior
                method.grown.adaptation.lambda = 0.05
                method.grown.test.lambda_growth = 2
                """);
        List<? extends Task<?, ?>> tasks = rebuilt(run).distribution().testTasks();
        Map<String, Double> stepOne = stepOneExactReturns(run, "grown");

        assertThat(stepOne).hasSize(tasks.size());
        double[] values = new double[tasks.size()];
        for (int k = 0; k < tasks.size(); k++) {
            // exact Alg(2) from the uniform prior (logits 0): θ = Q^{π_0}/λ_k with λ_k = 0.05·2^(k+1) (spec §2.4.2)
            TabularMdp mdp = tasks.get(k).exactModel().get();
            PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
            double[] uniform = new double[mdp.states() * mdp.actions()];
            java.util.Arrays.fill(uniform, 1.0 / mdp.actions());
            double[] q = evaluation.evaluate(uniform).q();
            double lambdaK = 0.05 * Math.pow(2, k + 1);
            double[] theta = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                theta[i] = q[i] / lambdaK;
            }
            values[k] = evaluation.value(TabularSoftmaxPolicy.of(mdp.states(), mdp.actions(), theta).probabilities());
            assertThat(stepOne.get(tasks.get(k).id())).as("map %d", k).isCloseTo(values[k], within(EXACT_TOLERANCE));
        }
        // the schedule matters: a larger λ is a smaller step, so later maps improve less here
        assertThat(values[0]).isGreaterThan(values[tasks.size() - 1]);
    }

    @Test
    void asPublishedFilesScheduleRandomInitLambdaPerMapAndStartMamlFromTheAlg1Prior()
            throws IOException
    {
        ExperimentRunner runner = TestRuns.runner();
        Path alg1 = runner.run(ExperimentConfiguration.load(FIGURE1.resolve("as-published-high-variance-alg1.properties"), QUICK), directory.resolve("alg1"),
                TestRuns.QUIET, (row, checkpoint) -> {});
        Path alg2 = runner.run(ExperimentConfiguration.load(FIGURE1.resolve("as-published-high-variance-alg2.properties"), QUICK), directory.resolve("alg2"),
                TestRuns.QUIET, (row, checkpoint) -> {});

        // λ of map k: λ_test·2^(k+1), λ_test = 0.1 (Alg(1) panel) and 0.5 (Alg(2) panel, the bound scripts' value)
        for (Map.Entry<Path, Double> panel : Map.of(alg1, 0.1, alg2, 0.5).entrySet()) {
            ExperimentRunner.RebuiltRun rebuilt = rebuilt(panel.getKey());
            LambdaScheduleLearner schedule = (LambdaScheduleLearner) rebuilt.learners().apply("random-init/meta-test");
            List<? extends Task<?, ?>> maps = rebuilt.distribution().testTasks();
            for (int k = 0; k < maps.size(); k++) {
                assertThat(schedule.lambda(maps.get(k).id())).as("map %d", k).isCloseTo(panel.getValue() * Math.pow(2, k + 1), within(1e-12 * Math.pow(2, k + 1)));
            }
        }
        // the Alg(2) panel trains the Alg(1) method under the same id, settings and seed: the same prior
        assertThat(Files.readAllBytes(alg2.resolve("priors/bomrl.csv"))).isEqualTo(Files.readAllBytes(alg1.resolve("priors/bomrl.csv")));
        Map<String, Double> mamlStart = stepExactReturns(alg2, "maml", 0);
        assertThat(mamlStart).isEqualTo(stepExactReturns(alg2, "bomrl", 0));
        assertThat(mamlStart).isNotEqualTo(stepExactReturns(alg2, "alg2", 0));
        assertThat(RunDirectory.json().readTree(alg2.resolve("summary.json").toFile()).get("methods").get("alg2").get("label").asText()).isEqualTo("BO-MRL Alg(2)");
    }

    @Test
    void aGrowthNeedsALambdaAndAPositiveFactor()
    {
        String base = """
                experiment.name = bad
                experiment.type = meta-learning
                experiment.report_writers =
                environment = env.frozenlake.paper-high-variance
                methods = pg
                method.pg.prior = uniform
                method.pg.adaptation = adapt.pg
                """;
        assertThatThrownBy(() -> TestRuns.run(directory, "no-lambda", base + "method.pg.test.lambda_growth = 2\n"))
                .hasMessage("method.pg.test.lambda_growth needs an adaptation with a lambda setting; method.pg.adaptation = adapt.pg has none");
        assertThatThrownBy(() -> TestRuns.run(directory, "negative", base + "method.pg.test.lambda_growth = -1\n"))
                .hasMessage("method.pg.test.lambda_growth = -1.0 is invalid: expected a positive finite factor (1 for a constant λ)");
    }

    private static ExperimentRunner.RebuiltRun rebuilt(Path run)
            throws IOException
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(run.resolve(RunDirectory.CONFIG))) {
            properties.load(reader);
        }
        Map<String, String> configuration = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> configuration.put(key, properties.getProperty(key)));
        Path base = Path.of(configuration.get("experiment.base_directory"));
        return TestRuns.runner().rebuild(new RunDescription(configuration, base, ExperimentRunner.planHash(configuration)));
    }

    private static Map<String, Double> stepOneExactReturns(Path run, String method)
            throws IOException
    {
        return stepExactReturns(run, method, 1);
    }

    /** task → exact return at {@code step} of repetition 0, from meta-test.csv. */
    private static Map<String, Double> stepExactReturns(Path run, String method, int step)
            throws IOException
    {
        List<String> lines = Files.readAllLines(run.resolve("meta-test.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[header.indexOf("method")].equals(method) && cells[header.indexOf("repetition")].equals("0")
                    && Integer.parseInt(cells[header.indexOf("step")]) == step) {
                values.put(cells[header.indexOf("task")], Double.parseDouble(cells[header.indexOf("exact_return")]));
            }
        }
        return values;
    }
}
