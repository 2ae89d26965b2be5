package org.bomrl.core.experiment;

import org.bomrl.core.config.ExperimentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/continuous/baselines-navigation-2d.properties}, shortened (2 iterations, 2 tasks,
 * 3 episodes of 20 steps, an 8-unit policy), runs end to end through {@link ExperimentRunner}: every
 * method (BO-MRL Alg(1), MAML, MAML-TRPO and its classic variant, spec §7.3) meta-trains through the
 * SPI and is meta-tested, and two runs with the same seed write byte-identical results.
 */
final class BaselinesExampleTest
{
    private static final Path EXAMPLE = Path.of("..", "examples", "continuous", "baselines-navigation-2d.properties");
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("meta_train.iterations", "2"),
            Map.entry("meta_train.tasks_per_iteration", "2"),
            Map.entry("sampling.episodes", "3"),
            Map.entry("sampling.post_episodes", "3"),
            Map.entry("sampling.horizon", "20"),
            Map.entry("sampling.fisher_tasks", "2"),
            Map.entry("environment.horizon", "20"),
            Map.entry("policy.hidden_sizes", "8"),
            Map.entry("meta_test.rounds", "2"),
            Map.entry("meta_test.repetitions", "1"));

    @Test
    void shortenedExampleRunsEveryBaselineEndToEndReproducibly(@TempDir Path out)
            throws IOException
    {
        Path first = TestRuns.runner().run(ExperimentConfiguration.load(EXAMPLE, SHORT), out.resolve("first"), TestRuns.QUIET, (row, checkpoint) -> {});
        Path second = TestRuns.runner().run(ExperimentConfiguration.load(EXAMPLE, SHORT), out.resolve("second"), TestRuns.QUIET, (row, checkpoint) -> {});

        String summary = Files.readString(first.resolve("summary.json"));
        for (String label : List.of("BO-MRL Alg(1)", "MAML", "MAML-TRPO", "MAML-TRPO (pytorch-maml-rl)", "E-MAML")) {
            assertThat(summary).as("summary names %s", label).contains("\"" + label + "\"");
        }
        assertThat(summary).doesNotContain("NaN");
        List<Path> results;
        try (var files = Files.walk(first)) {
            results = files.filter(file -> file.toString().endsWith(".csv") || file.endsWith("summary.json")).toList();
        }
        assertThat(results).isNotEmpty();
        for (Path file : results) {
            assertThat(Files.readAllBytes(second.resolve(first.relativize(file)))).as("%s is reproducible", first.relativize(file)).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void shortenedProMpExampleRunsWithItsEpochOptimiser(@TempDir Path out)
            throws IOException
    {
        Path example = EXAMPLE.resolveSibling("promp-navigation-2d.properties");
        Path run = TestRuns.runner().run(ExperimentConfiguration.load(example, SHORT), out.resolve("promp"), TestRuns.QUIET, (row, checkpoint) -> {});
        List<String> training = Files.readAllLines(run.resolve("training-promp.csv"));
        assertThat(training).hasSize(3);
        String summary = Files.readString(run.resolve("summary.json"));
        assertThat(summary).contains("\"ProMP\"").doesNotContain("NaN");
        String checkpoint = Files.readString(run.resolve("checkpoints/promp.json"));
        assertThat(checkpoint).as("the epoch optimiser's state is checkpointed").contains("klPenalty").contains("firstMoment");
    }
}
