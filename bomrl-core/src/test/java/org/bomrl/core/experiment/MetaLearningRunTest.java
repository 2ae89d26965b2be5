package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.train.MetaTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class MetaLearningRunTest
{
    private static final String EXPERIMENT = """
            experiment.name = tiny
            experiment.type = meta-learning
            experiment.seed = 7
            experiment.comparators = compare.all-task-optimum
            experiment.report_writers =
            environment = env.frozenlake.paper-high-variance
            estimation.episodes = 30
            meta_train.iterations = 6
            meta_train.tasks_per_iteration = 3
            meta_train.checkpoint_every = 2
            meta_test.rounds = 2
            meta_test.repetitions = 2
            methods = bomrl, pg
            method.bomrl.adaptation = adapt.bomrl
            method.bomrl.adaptation.distance = distance.kl-adapted-prior
            method.bomrl.adaptation.hypergradient = first-order
            method.bomrl.adaptation.lambda = 0.2
            method.bomrl.train.lambda = 5.0
            method.pg.prior = method:bomrl
            method.pg.adaptation = adapt.pg
            """;

    /** Files whose bytes must not depend on threads or interruption (config.properties records the thread count). */
    private static final List<String> RESULTS = List.of("summary.json", "curves.csv", "meta-test.csv", "training-bomrl.csv", "priors/bomrl.csv", "checkpoints/bomrl.json");

    @TempDir
    Path directory;

    private Path experiment()
            throws IOException
    {
        Path file = directory.resolve("tiny.properties");
        Files.writeString(file, EXPERIMENT);
        return file;
    }

    private Path run(String name, Map<String, String> overrides, MetaTrainer.Listener listener)
            throws IOException
    {
        return TestRuns.runner().run(ExperimentConfiguration.load(experiment(), overrides), directory.resolve(name), TestRuns.QUIET, listener);
    }

    @Test
    void resultsAreByteIdenticalWithOneOrTwoThreads()
            throws IOException
    {
        Path one = run("one", Map.of("experiment.threads", "1"), (row, checkpoint) -> {});
        Path two = run("two", Map.of("experiment.threads", "2"), (row, checkpoint) -> {});

        for (String file : RESULTS) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        JsonNode summary = RunDirectory.json().readTree(one.resolve("summary.json").toFile());
        assertThat(summary.get("methods").get("bomrl").get("steps")).hasSize(3);
        assertThat(summary.get("methods").get("bomrl").get("trainingIterations").asInt()).isEqualTo(6);
        assertThat(Files.readAllLines(one.resolve("meta-test.csv"))).hasSize(1 + 2 * 2 * 10 * 3);
        JsonNode provenance = RunDirectory.json().readTree(one.resolve("provenance.json").toFile());
        assertThat(provenance.get("components").findValuesAsText("name"))
                .contains("env.frozenlake.paper-high-variance", "compare.all-task-optimum", "adapt.bomrl", "distance.kl-adapted-prior", "adapt.pg");
    }

    @Test
    void killedAndResumedRunEqualsAnUninterruptedOne()
            throws IOException
    {
        Path uninterrupted = run("uninterrupted", Map.of(), (row, checkpoint) -> {});
        Path killedDirectory = directory.resolve("killed");
        assertThatThrownBy(() -> run("killed", Map.of(), (row, checkpoint) -> {
            if (row.iteration() == 4) {
                throw new IllegalStateException("killed during iteration 4, before its checkpoint");
            }
        })).hasMessageContaining("killed");
        assertThat(killedDirectory.resolve("summary.json")).doesNotExist();
        assertThat(RunDirectory.json().readTree(killedDirectory.resolve("checkpoints/bomrl.json").toFile()).get("iterations").asInt()).isEqualTo(4);

        Path resumed = TestRuns.runner().resume(killedDirectory, TestRuns.QUIET, (row, checkpoint) -> {});

        for (String file : RESULTS) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file).isEqualTo(Files.readAllBytes(uninterrupted.resolve(file)));
        }
    }
}
