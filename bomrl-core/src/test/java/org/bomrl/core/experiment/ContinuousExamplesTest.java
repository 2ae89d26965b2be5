package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short versions of the continuous examples: each file runs end to end with a few iterations,
 * tasks and episodes, and leaves training rows, meta-test curves for every method and gaps against
 * the exact per-task optima, all finite.
 */
final class ContinuousExamplesTest
{
    private static final Map<String, String> SHORT = Map.of(
            "meta_train.iterations", "2",
            "meta_train.tasks_per_iteration", "2",
            "sampling.episodes", "3",
            "sampling.post_episodes", "3",
            "meta_test.rounds", "1",
            "meta_test.repetitions", "1",
            "policy.hidden_sizes", "8");

    @ParameterizedTest
    @ValueSource(strings = {"navigation-2d", "linear-quadratic"})
    void shortVersionRunsAndReportsFiniteCurvesAndGaps(String example, @TempDir Path out)
            throws IOException
    {
        Path file = Path.of("..", "examples", "continuous", example + ".properties");
        Path run = TestRuns.runner().run(ExperimentConfiguration.load(file, SHORT), out.resolve(example), TestRuns.QUIET, (row, checkpoint) -> {});

        for (String method : List.of("alg1", "alg2", "alg3")) {
            List<String> training = Files.readAllLines(run.resolve("training-" + method + ".csv"));
            assertThat(training.get(0)).startsWith("iteration,prior_return,adapted_return,hypergradient_norm").contains("cg_truncated");
            assertThat(training).as("header and one row per iteration").hasSize(3);
            for (String row : training.subList(1, training.size())) {
                assertFinite(row);
            }
            assertThat(run.resolve("priors/" + method + ".csv")).exists();
        }
        JsonNode summary = RunDirectory.json().readTree(run.resolve(RunDirectory.SUMMARY).toFile());
        assertThat(summary.get("methods").fieldNames()).toIterable().containsExactly("alg1", "alg2", "alg3");
        double optimum = summary.get("meanReference").get("compare.all-task-optimum").asDouble();
        assertThat(optimum).as("the mean exact optimum is a finite negative return (costs)").isNegative();
        for (JsonNode method : summary.get("methods")) {
            assertThat(method.get("steps")).hasSize(2);
            for (JsonNode step : method.get("steps")) {
                double gap = step.get("meanGap").get("compare.all-task-optimum").asDouble();
                assertThat(gap).as("no policy beats the exact optimum by more than noise").isGreaterThan(-0.05 * Math.abs(optimum));
                assertThat(step.get("meanReturn").asDouble()).isFinite();
            }
        }
        for (String line : Files.readAllLines(run.resolve("curves.csv")).subList(1, 7)) {
            assertFinite(line);
        }
    }

    private static void assertFinite(String csvRow)
    {
        String[] cells = csvRow.split(",");
        for (String cell : cells) {
            if (cell.matches("[-+0-9.eE]+|NaN|-?Infinity")) {
                assertThat(Double.parseDouble(cell)).as("cell of %s", csvRow).isFinite();
            }
        }
    }
}
