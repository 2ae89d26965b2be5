package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The short versions of {@code examples/continuous/compare-all-*.properties} (two training seeds,
 * two meta-iterations of two tasks, a few short episodes, an 8-unit network): every method of the
 * head-to-head (BO-MRL Alg(1)-(3), MAML, MAML-TRPO and its classic variant, ProMP with its own
 * outer optimiser, E-MAML) is meta-trained and meta-tested on every seed, and the comparison files
 * report each of them at every adaptation step with an interval that contains the mean, a mean
 * equal to the mean of the seeds' own summaries, the gap to the exact optimum, equal budgets of
 * tasks × (pre + post) episodes, and Alg(1) against each of the seven others.
 */
final class CompareAllExamplesTest
{
    private static final List<String> METHODS = List.of("alg1", "alg2", "alg3", "maml", "maml-trpo", "maml-trpo-classic", "promp", "e-maml");
    private static final String GAP = "gap_compare.all-task-optimum";
    private static final int TASKS = 2;
    private static final int EPISODES = 3;
    private static final int POST_EPISODES = 2;
    private static final int ROUNDS = 2;
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"compare-all-linear-quadratic", "compare-all-navigation-2d"})
    void shortVersionComparesEveryMethodAtEqualBudgets(String example, @TempDir Path out)
            throws IOException
    {
        Map<String, String> shortVersion = new HashMap<>(Map.ofEntries(
                Map.entry("seeds.training_seeds", "543, 1"),
                Map.entry("seeds.resamples", "200"),
                Map.entry("meta_train.iterations", "2"),
                Map.entry("meta_train.tasks_per_iteration", Integer.toString(TASKS)),
                Map.entry("sampling.episodes", Integer.toString(EPISODES)),
                Map.entry("sampling.post_episodes", Integer.toString(POST_EPISODES)),
                Map.entry("sampling.horizon", "15"),
                Map.entry("sampling.fisher_tasks", "2"),
                Map.entry("environment.horizon", "15"),
                Map.entry("meta_test.rounds", Integer.toString(ROUNDS)),
                Map.entry("meta_test.repetitions", "1")));
        if (example.contains("navigation")) {
            shortVersion.put("policy.hidden_sizes", "8");
        }
        Path file = Path.of("..", "examples", "continuous", example + ".properties");
        Path run = TestRuns.runner().run(ExperimentConfiguration.load(file, shortVersion), out.resolve(example), TestRuns.QUIET, (row, checkpoint) -> {});

        JsonNode panels = RunDirectory.json().readTree(run.resolve(RunDirectory.SUMMARY).toFile()).get("panels");
        assertThat(panels.size()).as("one panel: the member experiment").isEqualTo(1);
        String panelName = panels.fieldNames().next();
        JsonNode panel = panels.get(panelName);
        assertThat(panel.get("methods").fieldNames()).toIterable().containsExactlyElementsOf(METHODS);

        List<JsonNode> seeds = List.of(seedSummary(run, 543), seedSummary(run, 1));
        for (String method : METHODS) {
            JsonNode measures = panel.get("methods").get(method).get("measures");
            assertThat(measures.get("return")).as("%s: steps 0..K", method).hasSize(ROUNDS + 1);
            assertThat(measures.get(GAP)).as("%s: gap to the exact optimum", method).hasSize(ROUNDS + 1);
            for (int k = 0; k <= ROUNDS; k++) {
                JsonNode step = measures.get("return").get(k);
                double expected = (seeds.get(0).get("methods").get(method).get("steps").get(k).get("meanReturn").asDouble()
                        + seeds.get(1).get("methods").get(method).get("steps").get(k).get("meanReturn").asDouble()) / 2;
                assertThat(step.get("mean").asDouble()).as("%s step %d: mean of the seeds' returns", method, k).isCloseTo(expected, within(TOLERANCE * (1 + Math.abs(expected))));
                for (String measure : List.of("return", GAP)) {
                    JsonNode stat = measures.get(measure).get(k);
                    double mean = stat.get("mean").asDouble();
                    assertThat(mean).isFinite();
                    assertThat(stat.get("ciLower").asDouble()).as("%s %s step %d: interval below the mean", method, measure, k).isLessThanOrEqualTo(mean + TOLERANCE);
                    assertThat(stat.get("ciUpper").asDouble()).as("%s %s step %d: interval above the mean", method, measure, k).isGreaterThanOrEqualTo(mean - TOLERANCE);
                    assertThat(stat.get("iqm").asDouble()).as("fewer than 4 seeds: the IQM is the mean").isCloseTo(mean, within(TOLERANCE * (1 + Math.abs(mean))));
                }
            }
            JsonNode budget = panel.get("budget").get("methods").get(method);
            assertThat(budget.get("metaTrained").asBoolean()).isTrue();
            assertThat(budget.get("episodesPerIteration").asLong()).as("%s: tasks × (pre + post) episodes", method).isEqualTo((long) TASKS * (EPISODES + POST_EPISODES));
        }
        assertThat(panel.get("budget").get("equalAcrossMetaTrainedMethods").asBoolean()).isTrue();

        List<String> compared = new ArrayList<>();
        for (JsonNode line : panel.get("significance")) {
            assertThat(line.toString()).contains("alg1");
            compared.add(line.toString());
        }
        for (String method : METHODS.subList(1, METHODS.size())) {
            assertThat(compared).as("a significance line for Alg(1) against %s", method).anyMatch(line -> line.contains("\"" + method + "\""));
        }
        List<String> significance = Files.readAllLines(run.resolve("significance.csv"));
        assertThat(significance.subList(1, significance.size())).as("reference alg1 × 7 methods × 2 measures × %d steps", ROUNDS + 1)
                .hasSize(7 * 2 * (ROUNDS + 1)).allMatch(row -> row.startsWith(panelName + ",alg1,"));
        for (String row : significance.subList(1, significance.size())) {
            double p = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertThat(p).as("p-value of %s", row).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
        assertThat(Files.readAllLines(run.resolve("seeds.csv"))).as("header + 8 methods × 2 measures × %d steps", ROUNDS + 1).hasSize(1 + 8 * 2 * (ROUNDS + 1));
        assertThat(run.resolve("seeds-returns-" + panelName + ".png")).isNotEmptyFile();
        assertThat(Files.readString(run.resolve("seed-543/checkpoints/promp.json"))).as("ProMP meta-trained by its own epoch optimiser").contains("klPenalty");
        assertThat(Files.readString(run.resolve("seed-543/checkpoints/alg1.json"))).as("the others by the experiment's TRPO step").doesNotContain("klPenalty");
    }

    private static JsonNode seedSummary(Path run, long seed)
            throws IOException
    {
        return RunDirectory.json().readTree(run.resolve("seed-" + seed).resolve(RunDirectory.SUMMARY).toFile());
    }
}
