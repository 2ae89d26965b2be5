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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A short neural BO-MRL run on {@code env.navigation-2d} (Gaussian MLP, lockstep sampling, fused
 * lower level and hypergradient for Alg(1), the composed path for Alg(3), TRPO outer step) gives
 * byte-identical result files with one or two threads, and a run killed between checkpoints and
 * resumed gives the files of an uninterrupted run.
 */
final class NeuralRunDeterminismTest
{
    /** The tiny neural run (also the base of {@link ObservationFilterRunTest}'s). */
    static final String EXPERIMENT = """
            experiment.name = tiny-neural
            experiment.type = meta-learning
            experiment.seed = 11
            experiment.mode = estimated
            experiment.comparators = compare.all-task-optimum
            experiment.report_writers =
            environment = env.navigation-2d
            environment.horizon = 12
            environment.gamma = 0.99
            policy = policy.gaussian-mlp
            policy.hidden_sizes = 8,8
            sampling.episodes = 5
            sampling.post_episodes = 6
            sampling.horizon = 12
            sampling.bootstrap_steps = 0
            sampling.gamma = 0.99
            sampling.fisher_tasks = 2
            meta_train.iterations = 6
            meta_train.tasks_per_iteration = 3
            meta_train.checkpoint_every = 2
            meta_train.optimizer = optimizer.trpo
            meta_train.optimizer.max_kl = 0.01
            meta_test.rounds = 1
            meta_test.repetitions = 1
            methods = alg1, alg3
            method.alg1.adaptation = adapt.bomrl
            method.alg1.adaptation.distance = distance.kl-prior-adapted
            method.alg1.adaptation.lambda = 0.5
            method.alg1.adaptation.inner_steps = 5
            method.alg3.adaptation = adapt.bomrl
            method.alg3.adaptation.distance = distance.squared-euclidean
            method.alg3.adaptation.lambda = 0.5
            method.alg3.adaptation.inner_steps = 5
            """;

    /** Files that record how a run was made (thread count, times, the configuration's seal) rather than its results. */
    private static final Set<String> NOT_RESULTS = Set.of("config.properties", "integrity.json", "provenance.json");

    @TempDir
    Path directory;

    private Path run(String name, Map<String, String> overrides, MetaTrainer.Listener listener)
            throws IOException
    {
        Path file = directory.resolve("tiny-neural.properties");
        Files.writeString(file, EXPERIMENT);
        return TestRuns.runner().run(ExperimentConfiguration.load(file, overrides), directory.resolve(name), TestRuns.QUIET, listener);
    }

    @Test
    void resultsAreByteIdenticalWithOneOrTwoThreads()
            throws IOException
    {
        Path one = run("one", Map.of("experiment.threads", "1"), (row, checkpoint) -> {});
        Path two = run("two", Map.of("experiment.threads", "2"), (row, checkpoint) -> {});

        Set<String> files = results(one);
        assertThat(files).contains("summary.json", "curves.csv", "meta-test.csv", "training-alg1.csv", "training-alg3.csv", "checkpoints/alg1.json");
        assertThat(results(two)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        JsonNode summary = RunDirectory.json().readTree(one.resolve("summary.json").toFile());
        assertThat(summary.get("methods").get("alg1").get("trainingIterations").asInt()).isEqualTo(6);
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
        assertThat(RunDirectory.json().readTree(killedDirectory.resolve("checkpoints/alg1.json").toFile()).get("iterations").asInt()).isEqualTo(4);

        Path resumed = TestRuns.runner().resume(killedDirectory, TestRuns.QUIET, (row, checkpoint) -> {});

        Set<String> files = results(uninterrupted);
        assertThat(results(resumed)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file).isEqualTo(Files.readAllBytes(uninterrupted.resolve(file)));
        }
    }

    /** Every regular file of a run directory, relative, but those of {@link #NOT_RESULTS}. */
    private static Set<String> results(Path run)
            throws IOException
    {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(run)) {
            paths.filter(Files::isRegularFile).map(path -> run.relativize(path).toString().replace('\\', '/')).filter(name -> !NOT_RESULTS.contains(name))
                    .forEach(files::add);
        }
        return files;
    }
}
