package org.bomrl.mujoco.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.train.Checkpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four MuJoCo panels of {@code examples/mujoco} (spec §5b): each panel file holds the paper's
 * settings for BO-MRL Alg(1)–(3), the TRPO-paired baselines MAML, MAML-TRPO and E-MAML (spec §7.3) and
 * ProMP, which at the same budget meta-trains with its own outer optimiser through the per-method
 * {@code method.promp.meta_train.optimizer = optimizer.promp-epochs} while every other method takes the
 * experiment's TRPO step. A short version of every panel file (2 iterations of 2 tasks, 2 episodes of
 * 10 steps with a 10-step continuation, a 32×32 network, 2 meta-test repetitions) runs all seven
 * methods end to end through {@link ExperimentRunner} exactly as the CLI runs it, leaving its result
 * files with finite numbers and each method's checkpoint with its own optimiser's state.
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
    /** Every method of a panel file, in the file's order. */
    private static final List<String> METHODS = List.of("alg1", "alg2", "alg3", "maml", "maml-trpo", "e-maml", "promp");
    private static final String PROMP_OPTIMIZER = "method.promp.meta_train.optimizer";
    private static final int PROMP_EPOCHS = 5;
    private static final double PROMP_LEARNING_RATE = 1e-3;
    private static final double PROMP_KL_PENALTY = 5e-4;
    /** The state entries of the epoch optimiser (Adam's moments and step count, η) and of the TRPO step (its iteration count). */
    private static final Set<String> PROMP_STATE = Set.of("firstMoment", "secondMoment", "steps", "klPenalty");
    private static final Set<String> TRPO_STATE = Set.of("iterations");
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
    @MethodSource("panels")
    void shippedFileHoldsTheSection5bSettings(Panel panel)
    {
        Map<String, String> effective = runner().check(ExperimentConfiguration.load(panel.file(), Map.of()));

        assertThat(effective).containsEntry("environment", "env.mujoco." + panel.name()).containsEntry("environment.variant", "bomrl")
                .containsEntry("meta_train.iterations", "500").containsEntry("meta_train.tasks_per_iteration", Integer.toString(panel.tasksPerIteration()))
                .containsEntry("sampling.episodes", Integer.toString(panel.episodes())).containsEntry("sampling.post_episodes", Integer.toString(panel.postEpisodes()))
                .containsEntry("sampling.fisher_tasks", Integer.toString(panel.fisherTasks())).containsEntry("sampling.horizon", "200")
                .containsEntry("sampling.bootstrap_steps", "200").containsEntry("sampling.gamma", "0.995").containsEntry("policy", "policy.gaussian-mlp")
                .containsEntry("policy.hidden_sizes", "128,128").containsEntry("policy.activation", "tanh").containsEntry("meta_train.optimizer", "optimizer.trpo")
                .containsEntry("policy.observation_filter", "running")
                .containsEntry("meta_test.rounds", Integer.toString(ROUNDS)).containsEntry("methods", String.join(", ", METHODS));
        assertThat(Double.parseDouble(effective.get("meta_train.optimizer.max_kl"))).isEqualTo(panel.maxKl());
        for (int i = 0; i < BOMRL.size(); i++) {
            String prefix = "method." + BOMRL.get(i) + ".adaptation";
            assertThat(effective).containsEntry(prefix, "adapt.bomrl").containsEntry(prefix + ".distance", DISTANCES.get(i));
            assertThat(Double.parseDouble(effective.get(prefix + ".lambda"))).isEqualTo(0.5);
            assertThat(Integer.parseInt(effective.get(prefix + ".inner_steps"))).isEqualTo(50);
        }
        TRPO_BASELINES.forEach((method, settings) -> assertAdaptation(effective, method, settings));
        assertAdaptation(effective, "promp", PROMP);

        assertThat(effective).as("ProMP's own outer optimiser").containsEntry(PROMP_OPTIMIZER, "optimizer.promp-epochs")
                .containsEntry(PROMP_OPTIMIZER + ".kl_rule", "fixed").doesNotContainKey(PROMP_OPTIMIZER + ".max_kl");
        assertThat(Integer.parseInt(effective.get(PROMP_OPTIMIZER + ".epochs"))).isEqualTo(PROMP_EPOCHS);
        assertThat(Double.parseDouble(effective.get(PROMP_OPTIMIZER + ".learning_rate"))).isEqualTo(PROMP_LEARNING_RATE);
        assertThat(Double.parseDouble(effective.get(PROMP_OPTIMIZER + ".kl_penalty"))).isEqualTo(PROMP_KL_PENALTY);
        for (String method : METHODS) {
            if (!method.equals("promp")) {
                String prefix = "method." + method + ".meta_train.";
                assertThat(effective.keySet()).as(method + " takes the experiment's TRPO step (no " + prefix + "* override)")
                        .noneMatch(key -> key.startsWith(prefix));
            }
        }
        int timeLimit = Integer.parseInt(effective.get("environment.horizon"));
        assertThat(timeLimit).as("the time limit lets the 200-step continuation run after a 200-step episode").isGreaterThanOrEqualTo(200 + 200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panels")
    void shortVersionRunsEndToEnd(Panel panel, @TempDir Path directory)
            throws IOException
    {
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

        Path run = runner().run(ExperimentConfiguration.load(panel.file(), overrides), directory.resolve("run"), QUIET, (row, checkpoint) -> {});

        for (String file : List.of("config.properties", "provenance.json", "summary.json", "curves.csv", "meta-test.csv")) {
            assertThat(run.resolve(file)).as(file).isRegularFile();
        }
        for (String figure : List.of("training.png", "returns.png")) {
            byte[] bytes = Files.readAllBytes(run.resolve(figure));
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(figure).containsExactly(PNG_SIGNATURE);
        }
        for (String method : METHODS) {
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
        assertThat(curves).hasSize(METHODS.size() * (ROUNDS + 1));
        for (Map<String, String> row : curves) {
            assertFinite(row, "mean_return", "std_return", "mean_exact_return", "std_exact_return");
            assertReturnSign(panel, row, "mean_return", "mean_exact_return");
        }
        List<Map<String, String>> metaTest = csv(run.resolve("meta-test.csv"));
        assertThat(metaTest).hasSize(METHODS.size() * SHORT_REPETITIONS * panel.testTasks() * (ROUNDS + 1));
        for (Map<String, String> row : metaTest) {
            assertFinite(row, "return", "exact_return");
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("environment").asText()).isEqualTo("env.mujoco." + panel.name());
        assertThat(summary.get("testTasks").asInt()).isEqualTo(panel.testTasks());
        assertThat(summary.get("methods").size()).isEqualTo(METHODS.size());
        for (String method : METHODS) {
            JsonNode steps = summary.get("methods").get(method).get("steps");
            assertThat(steps).hasSize(ROUNDS + 1);
            steps.forEach(step -> assertThat(Double.isFinite(step.get("meanReturn").asDouble())).as(method + " step " + step.get("step")).isTrue());
        }
        for (String method : METHODS) {
            Checkpoint checkpoint = Checkpoint.read(run, method).orElseThrow(() -> new AssertionError("no final checkpoint of " + method));
            Map<String, double[]> state = checkpoint.optimizerState();
            assertThat(checkpoint.iterations()).as("iterations in the checkpoint of " + method).isEqualTo(SHORT_ITERATIONS);
            if (method.equals("promp")) {
                assertThat(state.keySet()).as("the promp-epochs state of ProMP's checkpoint").isEqualTo(PROMP_STATE);
                assertThat(state.get("steps")).as("one Adam step per epoch and iteration").containsExactly(SHORT_ITERATIONS * PROMP_EPOCHS);
                assertThat(state.get("klPenalty")).as("η under the fixed rule").containsExactly(PROMP_KL_PENALTY);
                assertThat(state.get("firstMoment")).hasSameSizeAs(checkpoint.phi());
                assertThat(state.get("secondMoment")).hasSameSizeAs(checkpoint.phi());
            }
            else {
                assertThat(state.keySet()).as("the TRPO state of the checkpoint of " + method).isEqualTo(TRPO_STATE);
                assertThat(state.get("iterations")).as("TRPO steps taken by " + method).containsExactly(SHORT_ITERATIONS);
            }
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

    /** Each panel's comparison over training seeds names the panel file, three seeds and Alg(1) as the reference, and passes the plan checks. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("panels")
    void comparisonFileWrapsThePanel(Panel panel)
    {
        Map<String, String> effective = runner().check(ExperimentConfiguration.load(EXAMPLES.resolve("compare-" + panel.name() + ".properties"), Map.of()));
        assertThat(effective).containsEntry("experiment.type", "seeds").containsEntry("seeds.experiment", panel.name() + ".properties")
                .containsEntry("seeds.reference_method", "alg1");
        assertThat(effective.get("seeds.training_seeds").split(",")).hasSize(3);
    }

    /**
     * The Half-Cheetah-vel comparison in a short version (two seeds, two methods, one iteration of
     * tiny batches): per method and step 0..3 a mean over seeds inside its bootstrap interval, and
     * the seeds figure.
     */
    @org.junit.jupiter.api.Test
    void shortComparisonGivesIntervalsOverSeeds(@TempDir Path directory)
            throws IOException
    {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("seeds.training_seeds", "543, 1");
        overrides.put("seeds.resamples", "200");
        overrides.put("methods", "alg1, maml-trpo");
        overrides.put("meta_train.iterations", "1");
        overrides.put("meta_train.tasks_per_iteration", "2");
        overrides.put("sampling.episodes", "2");
        overrides.put("sampling.post_episodes", "2");
        overrides.put("sampling.fisher_tasks", "2");
        overrides.put("sampling.horizon", Integer.toString(SHORT_HORIZON));
        overrides.put("sampling.bootstrap_steps", Integer.toString(SHORT_HORIZON));
        overrides.put("environment.horizon", Integer.toString(2 * SHORT_HORIZON));
        overrides.put("policy.observation_filter.warmup_episodes", "2");
        overrides.put("meta_test.repetitions", "1");
        overrides.put("policy.hidden_sizes", "8");
        Path run = runner().run(ExperimentConfiguration.load(EXAMPLES.resolve("compare-half-cheetah-vel.properties"), overrides), directory.resolve("run"), QUIET,
                (row, checkpoint) -> {});
        JsonNode panels = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("panels");
        String panelName = panels.fieldNames().next();
        JsonNode methods = panels.get(panelName).get("methods");
        assertThat(methods.fieldNames()).toIterable().containsExactly("alg1", "maml-trpo");
        for (String method : List.of("alg1", "maml-trpo")) {
            JsonNode returns = methods.get(method).get("measures").get("return");
            assertThat(returns).as("steps 0..3 of " + method).hasSize(ROUNDS + 1);
            for (JsonNode step : returns) {
                double mean = step.get("mean").asDouble();
                assertThat(mean).isFinite().isNegative();
                assertThat(step.get("ciLower").asDouble()).isLessThanOrEqualTo(mean + 1e-9);
                assertThat(step.get("ciUpper").asDouble()).isGreaterThanOrEqualTo(mean - 1e-9);
            }
        }
        byte[] figure = Files.readAllBytes(run.resolve("seeds-returns-" + panelName + ".png"));
        assertThat(Arrays.copyOf(figure, PNG_SIGNATURE.length)).containsExactly(PNG_SIGNATURE);
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
