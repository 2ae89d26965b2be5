package org.bomrl.mujoco.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four MuJoCo panels of {@code examples/mujoco} (spec §5b): each panel file holds the paper's
 * settings for BO-MRL Alg(1)–(3) and the TRPO-paired baselines MAML, MAML-TRPO and E-MAML (spec §7.3),
 * and each panel's {@code -promp} file holds ProMP with its own outer optimiser at the same budget. A
 * short version of every file (2 iterations of 2 tasks, 2 episodes of 10 steps with a 10-step
 * continuation, a 32×32 network, 2 meta-test repetitions) runs end to end through
 * {@link ExperimentRunner} exactly as the CLI runs it, leaving its result files with finite numbers.
 */
final class MujocoExamplesTest
{
    private static final Path EXAMPLES = Path.of("..", "examples", "mujoco");
    private static final List<String> BOMRL = List.of("alg1", "alg2", "alg3");
    private static final List<String> DISTANCES = List.of("distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean");
    /** The one-step baselines of spec §7.3 that pair with the TRPO outer step, with their adaptation settings. */
    private static final Map<String, Map<String, String>> TRPO_BASELINES = Map.of(
            "maml", Map.of("", "adapt.maml", ".gaussian_step_size", "0.1", ".order", "second"),
            "maml-trpo", Map.of("", "adapt.maml-trpo", ".variant", "paper", ".step_size", "0.1", ".order", "second"),
            "e-maml", Map.of("", "adapt.e-maml", ".step_size", "0.1"));
    private static final Map<String, String> PROMP = Map.of("", "adapt.promp", ".step_size", "0.1", ".clip", "0.3");
    /** Keys that fix the sample budget and everything but the method: equal in a panel file and its ProMP file. */
    private static final List<String> BUDGET_PREFIXES = List.of("experiment.seed", "environment", "policy", "sampling.", "meta_test.",
            "meta_train.iterations", "meta_train.tasks_per_iteration");
    private static final int SHORT_ITERATIONS = 2;
    private static final int SHORT_HORIZON = 10;
    private static final int SHORT_REPETITIONS = 2;
    private static final int ROUNDS = 3;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * One panel's §5b settings.
     *
     * @param testTasks size of the meta-test grid
     * @param nonPositiveReward whether every step's reward is ≤ 0 (−|v − v*| − 0.05‖a‖²), so every return is ≤ 0
     */
    record Panel(String name, int tasksPerIteration, int episodes, int postEpisodes, int fisherTasks, double maxKl, int testTasks, boolean nonPositiveReward)
    {
        Path file()
        {
            return EXAMPLES.resolve(name + ".properties");
        }

        @Override
        public String toString()
        {
            return name;
        }
    }

    /**
     * One shipped file of a panel: the panel file ({@code suffix} empty: BO-MRL and the TRPO-paired
     * baselines) or its ProMP file ({@code -promp}), with its methods and outer optimiser.
     */
    record Example(Panel panel, String suffix, List<String> methods, String optimizer)
    {
        Path file()
        {
            return EXAMPLES.resolve(panel.name() + suffix + ".properties");
        }

        boolean promp()
        {
            return methods.contains("promp");
        }

        @Override
        public String toString()
        {
            return panel.name() + suffix;
        }
    }

    static List<Example> examples()
    {
        List<String> panelMethods = new ArrayList<>(BOMRL);
        panelMethods.addAll(List.of("maml", "maml-trpo", "e-maml"));
        return panels().stream().flatMap(panel -> Stream.of(
                new Example(panel, "", List.copyOf(panelMethods), "optimizer.trpo"),
                new Example(panel, "-promp", List.of("promp"), "optimizer.promp-epochs"))).toList();
    }

    static List<Panel> panels()
    {
        return List.of(
                new Panel("half-cheetah-vel", 10, 20, 100, 5, 0.01, 19, true),
                new Panel("half-cheetah-dir", 4, 20, 100, 4, 0.03, 2, false),
                new Panel("ant-vel", 10, 20, 100, 5, 0.01, 29, false),
                new Panel("ant-dir", 4, 40, 200, 4, 0.01, 2, false));
    }

    @BeforeEach
    void requireMujoco()
    {
        Experiments.assumeNative();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shippedFileHoldsTheSection5bSettings(Example example)
    {
        Panel panel = example.panel();
        Map<String, String> effective = runner().check(ExperimentConfiguration.load(example.file(), Map.of()));

        assertThat(effective).containsEntry("environment", "env.mujoco." + panel.name()).containsEntry("environment.variant", "bomrl")
                .containsEntry("meta_train.iterations", "500").containsEntry("meta_train.tasks_per_iteration", Integer.toString(panel.tasksPerIteration()))
                .containsEntry("sampling.episodes", Integer.toString(panel.episodes())).containsEntry("sampling.post_episodes", Integer.toString(panel.postEpisodes()))
                .containsEntry("sampling.fisher_tasks", Integer.toString(panel.fisherTasks())).containsEntry("sampling.horizon", "200")
                .containsEntry("sampling.bootstrap_steps", "200").containsEntry("sampling.gamma", "0.995").containsEntry("policy", "policy.gaussian-mlp")
                .containsEntry("policy.hidden_sizes", "128,128").containsEntry("policy.activation", "tanh").containsEntry("meta_train.optimizer", example.optimizer())
                .containsEntry("meta_test.rounds", Integer.toString(ROUNDS)).containsEntry("methods", String.join(", ", example.methods()));
        if (example.promp()) {
            assertThat(Integer.parseInt(effective.get("meta_train.optimizer.epochs"))).isEqualTo(5);
            assertThat(Double.parseDouble(effective.get("meta_train.optimizer.learning_rate"))).isEqualTo(1e-3);
            assertThat(Double.parseDouble(effective.get("meta_train.optimizer.kl_penalty"))).isEqualTo(5e-4);
            assertThat(effective).containsEntry("meta_train.optimizer.kl_rule", "fixed");
            assertAdaptation(effective, "promp", PROMP);
        }
        else {
            assertThat(Double.parseDouble(effective.get("meta_train.optimizer.max_kl"))).isEqualTo(panel.maxKl());
            for (int i = 0; i < BOMRL.size(); i++) {
                String prefix = "method." + BOMRL.get(i) + ".adaptation";
                assertThat(effective).containsEntry(prefix, "adapt.bomrl").containsEntry(prefix + ".distance", DISTANCES.get(i));
                assertThat(Double.parseDouble(effective.get(prefix + ".lambda"))).isEqualTo(0.5);
                assertThat(Integer.parseInt(effective.get(prefix + ".inner_steps"))).isEqualTo(50);
            }
            TRPO_BASELINES.forEach((method, settings) -> assertAdaptation(effective, method, settings));
        }
        int timeLimit = Integer.parseInt(effective.get("environment.horizon"));
        assertThat(timeLimit).as("the time limit lets the 200-step continuation run after a 200-step episode").isGreaterThanOrEqualTo(200 + 200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panels")
    void prompFileHasThePanelsBudget(Panel panel)
    {
        Map<String, String> methods = budget(runner().check(ExperimentConfiguration.load(panel.file(), Map.of())));
        Map<String, String> promp = budget(runner().check(ExperimentConfiguration.load(EXAMPLES.resolve(panel.name() + "-promp.properties"), Map.of())));

        assertThat(methods).containsKeys("sampling.episodes", "sampling.post_episodes", "meta_test.repetitions", "policy.initial_log_std");
        assertThat(promp).isEqualTo(methods);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shortVersionRunsEndToEnd(Example example, @TempDir Path directory)
            throws IOException
    {
        Panel panel = example.panel();
        List<String> methods = example.methods();
        Map<String, String> overrides = new HashMap<>();
        overrides.put("meta_train.iterations", Integer.toString(SHORT_ITERATIONS));
        overrides.put("meta_train.tasks_per_iteration", "2");
        overrides.put("sampling.episodes", "2");
        overrides.put("sampling.post_episodes", "2");
        overrides.put("sampling.fisher_tasks", "2");
        overrides.put("sampling.horizon", Integer.toString(SHORT_HORIZON));
        overrides.put("sampling.bootstrap_steps", Integer.toString(SHORT_HORIZON));
        overrides.put("environment.horizon", Integer.toString(2 * SHORT_HORIZON));
        overrides.put("meta_test.repetitions", Integer.toString(SHORT_REPETITIONS));
        overrides.put("policy.hidden_sizes", "32,32");

        Path run = runner().run(ExperimentConfiguration.load(example.file(), overrides), directory.resolve("run"), QUIET, (row, checkpoint) -> {});

        for (String file : List.of("config.properties", "provenance.json", "summary.json", "curves.csv", "meta-test.csv")) {
            assertThat(run.resolve(file)).as(file).isRegularFile();
        }
        for (String figure : List.of("training.png", "returns.png")) {
            byte[] bytes = Files.readAllBytes(run.resolve(figure));
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(figure).containsExactly(PNG_SIGNATURE);
        }
        for (String method : methods) {
            List<Map<String, String>> rows = csv(run.resolve("training-" + method + ".csv"));
            assertThat(rows).as("training rows of " + method).hasSize(SHORT_ITERATIONS);
            for (Map<String, String> row : rows) {
                assertFinite(row, "prior_return", "adapted_return", "hypergradient_norm", "inner_distance", "inner_steps");
                assertThat(Double.parseDouble(row.get("hypergradient_norm"))).as("hypergradient of " + method).isPositive();
                assertReturnSign(panel, row, "prior_return", "adapted_return");
                double innerSteps = Double.parseDouble(row.get("inner_steps"));
                if (BOMRL.contains(method)) {
                    assertThat(innerSteps).as("Adam steps of the lower level of " + method).isBetween(1.0, 50.0);
                }
                else {
                    assertThat(innerSteps).as("the baselines' one inner step (spec §7.3), " + method).isEqualTo(1.0);
                    assertThat(Double.parseDouble(row.get("inner_distance"))).as("‖θ − φ‖² of the inner step of " + method).isPositive();
                }
            }
        }
        List<Map<String, String>> curves = csv(run.resolve("curves.csv"));
        assertThat(curves).hasSize(methods.size() * (ROUNDS + 1));
        for (Map<String, String> row : curves) {
            assertFinite(row, "mean_return", "std_return", "mean_exact_return", "std_exact_return");
            assertReturnSign(panel, row, "mean_return", "mean_exact_return");
        }
        List<Map<String, String>> metaTest = csv(run.resolve("meta-test.csv"));
        assertThat(metaTest).hasSize(methods.size() * SHORT_REPETITIONS * panel.testTasks() * (ROUNDS + 1));
        for (Map<String, String> row : metaTest) {
            assertFinite(row, "return", "exact_return");
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("environment").asText()).isEqualTo("env.mujoco." + panel.name());
        assertThat(summary.get("testTasks").asInt()).isEqualTo(panel.testTasks());
        assertThat(summary.get("methods").size()).isEqualTo(methods.size());
        for (String method : methods) {
            JsonNode steps = summary.get("methods").get(method).get("steps");
            assertThat(steps).hasSize(ROUNDS + 1);
            steps.forEach(step -> assertThat(Double.isFinite(step.get("meanReturn").asDouble())).as(method + " step " + step.get("step")).isTrue());
        }
    }

    /** The adaptation of {@code method}: {@code method.<m>.adaptation<suffix>} for each suffix → value of {@code expected} (numbers compared as numbers). */
    private static void assertAdaptation(Map<String, String> effective, String method, Map<String, String> expected)
    {
        expected.forEach((suffix, value) -> {
            String key = "method." + method + ".adaptation" + suffix;
            assertThat(effective).as(key).containsKey(key);
            if (suffix.isEmpty() || !Character.isDigit(value.charAt(0))) {
                assertThat(effective.get(key)).as(key).isEqualTo(value);
            }
            else {
                assertThat(Double.parseDouble(effective.get(key))).as(key).isEqualTo(Double.parseDouble(value));
            }
        });
    }

    /** The entries of an effective configuration that fix the budget ({@link #BUDGET_PREFIXES}). */
    private static Map<String, String> budget(Map<String, String> effective)
    {
        Map<String, String> budget = new TreeMap<>();
        effective.forEach((key, value) -> {
            if (BUDGET_PREFIXES.stream().anyMatch(key::startsWith)) {
                budget.put(key, value);
            }
        });
        return budget;
    }

    private static ExperimentRunner runner()
    {
        return Injection.create(PluginRegistry.load(MujocoExamplesTest.class.getClassLoader())).getInstance(ExperimentRunner.class);
    }

    /** Rows of a header-first comma-separated file, by column name. */
    private static List<Map<String, String>> csv(Path file)
            throws IOException
    {
        List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] values = line.split(",", -1);
            assertThat(values).as(file + ": " + line).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], values[i]);
            }
            return row;
        }).toList();
    }

    private static void assertFinite(Map<String, String> row, String... columns)
    {
        for (String column : columns) {
            assertThat(row).as("column " + column).containsKey(column);
            assertThat(Double.isFinite(Double.parseDouble(row.get(column)))).as(column + " = " + row.get(column)).isTrue();
        }
    }

    private static void assertReturnSign(Panel panel, Map<String, String> row, String... columns)
    {
        if (panel.nonPositiveReward()) {
            for (String column : columns) {
                assertThat(Double.parseDouble(row.get(column))).as(column + ": every reward is ≤ 0").isLessThanOrEqualTo(0.0);
            }
        }
    }
}
