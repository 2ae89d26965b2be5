package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.LocalTaskRunner;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.loop.LocalUnitExecutor;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.core.train.Checkpoint;
import org.bomrl.core.train.MetaTester;
import org.bomrl.core.train.MetaTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The running observation filter (spec §5b, {@code policy.observation_filter = running}) on a short
 * neural BO-MRL run on {@code env.navigation-2d}: one and two threads give byte-identical result
 * files; a run killed between checkpoints and resumed gives the files of an uninterrupted run; the
 * statistics after the warm-up and after each iteration equal a two-pass computation over every raw
 * observation the environments returned up to then; the meta-test sees through the snapshot
 * training ended with; the filter changes the results; bad values fail with one line naming the key.
 */
final class ObservationFilterRunTest
{
    /** {@link NeuralRunDeterminismTest}'s tiny run with Alg(1) only and the running filter (clip 3). */
    private static final String EXPERIMENT = NeuralRunDeterminismTest.EXPERIMENT.replace("experiment.name = tiny-neural", "experiment.name = tiny-filter")
            .replace("methods = alg1, alg3", "methods = alg1")
            .replaceAll("(?m)^method\\.alg3\\..*\n", "")
            .replace("policy.hidden_sizes = 8,8\n", "policy.hidden_sizes = 8,8\npolicy.observation_filter = running\npolicy.observation_filter.clip = 3\n");

    /** Relative tolerance of the merged statistics against the two-pass ones. */
    private static final double TOLERANCE = 1e-10;
    private static final Set<String> NOT_RESULTS = Set.of("config.properties", "integrity.json", "provenance.json");

    @TempDir
    Path directory;

    private ExperimentConfiguration configuration(Map<String, String> overrides)
            throws IOException
    {
        Path file = directory.resolve("tiny-filter.properties");
        Files.writeString(file, EXPERIMENT);
        return ExperimentConfiguration.load(file, overrides);
    }

    private Path run(String name, Map<String, String> overrides, MetaTrainer.Listener listener)
            throws IOException
    {
        return TestRuns.runner().run(configuration(overrides), directory.resolve(name), TestRuns.QUIET, listener);
    }

    @Test
    void resultsAreByteIdenticalWithOneOrTwoThreads()
            throws IOException
    {
        Path one = run("one", Map.of("experiment.threads", "1"), (row, checkpoint) -> {});
        Path two = run("two", Map.of("experiment.threads", "2"), (row, checkpoint) -> {});

        Set<String> files = results(one);
        assertThat(files).contains("summary.json", "meta-test.csv", "training-alg1.csv", "checkpoints/alg1.json");
        assertThat(results(two)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        JsonNode filter = RunDirectory.json().readTree(one.resolve("checkpoints/alg1.json").toFile()).get("observation_filter");
        assertThat(filter.get("count").asLong()).isPositive();
        assertThat(filter.get("mean").size()).isEqualTo(2);
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
        assertThat(RunDirectory.json().readTree(killedDirectory.resolve("checkpoints/alg1.json").toFile()).get("iterations").asInt()).isEqualTo(4);

        Path resumed = TestRuns.runner().resume(killedDirectory, TestRuns.QUIET, (row, checkpoint) -> {});

        Set<String> files = results(uninterrupted);
        assertThat(results(resumed)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file).isEqualTo(Files.readAllBytes(uninterrupted.resolve(file)));
        }
    }

    @Test
    void theFilterChangesTheResults()
            throws IOException
    {
        Path filtered = run("filtered", Map.of(), (row, checkpoint) -> {});
        Path raw = run("raw", Map.of("policy.observation_filter", "none"), (row, checkpoint) -> {});

        assertThat(Files.readString(filtered.resolve("training-alg1.csv"))).isNotEqualTo(Files.readString(raw.resolve("training-alg1.csv")));
        assertThat(RunDirectory.json().readTree(raw.resolve("checkpoints/alg1.json").toFile()).has("observation_filter")).isFalse();
    }

    @Test
    void statisticsEqualTwoPassStatisticsOfEveryRawObservation()
            throws IOException
    {
        Map<String, String> effective = TestRuns.runner().check(configuration(Map.of()));
        ExperimentRunner.RebuiltRun run = TestRuns.runner().rebuild(new RunDescription(effective, Path.of(effective.get("experiment.base_directory")),
                ExperimentRunner.planHash(effective)));
        String name = "alg1/meta-train";
        TaskLearner learner = run.learners().apply(name);

        RecordingDistribution warmUpOnly = new RecordingDistribution(run.distribution());
        RecordingDistribution recording = new RecordingDistribution(run.distribution());
        List<ObservationStatistics> saved = new ArrayList<>();
        List<List<double[]>> seen = new ArrayList<>();
        MetaTrainer.Result warmedUp;
        MetaTrainer.Result trained;
        try (LocalTaskRunner pool = new LocalTaskRunner(2)) {
            warmedUp = trainer(warmUpOnly, name, learner, run, pool).train(initial(learner), 0, 3, new PlainAscent(), 0, Optional.empty(), checkpoint -> {},
                    (row, written) -> {});
            trained = trainer(recording, name, learner, run, pool).train(initial(learner), 2, 3, new PlainAscent(), 1, Optional.empty(), checkpoint -> {
                saved.add(checkpoint.observationFilter().get());
                seen.add(recording.observations());
            }, (row, written) -> {});
        }

        assertTwoPass(((ObservationFilter.Frozen) warmedUp.filter()).statistics(), warmUpOnly.observations());
        assertThat(warmUpOnly.observations()).as("25 warm-up episodes of 12 steps and their reset states").hasSize(25 * 13);

        assertThat(saved).hasSize(2);
        assertThat(seen.get(1).size()).isGreaterThan(seen.get(0).size());
        for (int t = 0; t < saved.size(); t++) {
            assertTwoPass(saved.get(t), seen.get(t));
        }
        assertThat(((ObservationFilter.Frozen) trained.filter()).statistics()).isEqualTo(saved.get(1));
        assertThat(((ObservationFilter.Frozen) trained.filter()).clip()).isEqualTo(3.0);
    }

    @Test
    void metaTestSeesThroughTheSnapshotTrainingEndedWith()
            throws IOException
    {
        Path run = run("tested", Map.of(), (row, checkpoint) -> {});
        JsonNode filter = RunDirectory.json().readTree(run.resolve("checkpoints/alg1.json").toFile()).get("observation_filter");
        ObservationStatistics statistics = new ObservationStatistics(filter.get("count").asLong(), doubles(filter.get("mean")), doubles(filter.get("m2")));
        double[] phi = Files.readAllLines(run.resolve("priors/alg1.csv")).stream().filter(line -> !line.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        List<Double> reported = Files.readAllLines(run.resolve("meta-test.csv")).stream().skip(1).map(line -> line.split(","))
                .map(fields -> Double.parseDouble(fields[fields.length - 3])).toList();

        Map<String, String> effective = TestRuns.runner().check(configuration(Map.of()));
        ExperimentRunner.RebuiltRun rebuilt = TestRuns.runner().rebuild(new RunDescription(effective, Path.of(effective.get("experiment.base_directory")),
                ExperimentRunner.planHash(effective)));
        RandomSource stream = RandomSource.seeded(11).derive("meta-test").derive("alg1");
        try (LocalTaskRunner pool = new LocalTaskRunner(2)) {
            MetaTester tester = new MetaTester(new LocalUnitExecutor(rebuilt.distribution(), rebuilt.learners(), pool));
            MetaTester.Outcome frozen = tester.test(rebuilt.distribution().testTasks(), "alg1/meta-test", phi, new ObservationFilter.Frozen(3, statistics), 1, 1, stream);
            assertThat(flatten(frozen)).isEqualTo(reported);
            MetaTester.Outcome warmUpOnly = tester.test(rebuilt.distribution().testTasks(), "alg1/meta-test", phi,
                    new ObservationFilter.Frozen(3, new ObservationStatistics(10, statistics.mean(), statistics.sumOfSquaredDeviations())), 1, 1, stream);
            assertThat(flatten(warmUpOnly)).as("other statistics give other returns").isNotEqualTo(reported);
        }
    }

    private static List<Double> flatten(MetaTester.Outcome outcome)
    {
        List<Double> values = new ArrayList<>();
        for (double[][] repetition : outcome.returns()) {
            for (double[] task : repetition) {
                for (double value : task) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static double[] doubles(JsonNode node)
    {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    @Test
    void effectiveConfigurationRecordsTheFilterOnlyWhenItRuns()
            throws IOException
    {
        Map<String, String> running = TestRuns.runner().check(configuration(Map.of()));
        assertThat(running).containsEntry("policy.observation_filter", "running").containsEntry("policy.observation_filter.clip", "3")
                .containsEntry("policy.observation_filter.warmup_episodes", "auto");

        Path file = directory.resolve("without-filter.properties");
        Files.writeString(file, EXPERIMENT.replace("policy.observation_filter = running\n", "").replace("policy.observation_filter.clip = 3\n", ""));
        Map<String, String> without = TestRuns.runner().check(ExperimentConfiguration.load(file, Map.of()));
        assertThat(without.keySet()).as("a run without the filter has the configuration (and plan hash) of runs made before it existed")
                .noneMatch(key -> key.startsWith("policy.observation_filter"));
    }

    @Test
    void badValuesFailWithOneLineNamingTheKey()
    {
        assertBad("policy.observation_filter.clip", "0", "policy.observation_filter.clip = 0.0 is invalid: must be > 0");
        assertBad("policy.observation_filter.clip", "-1", "policy.observation_filter.clip = -1.0 is invalid: must be > 0");
        assertBad("policy.observation_filter", "sometimes", "policy.observation_filter = 'sometimes'");
        assertBad("policy.observation_filter.warmup_episodes", "0", "policy.observation_filter.warmup_episodes = '0' is invalid");
        assertBad("policy.observation_filter.warmup_episodes", "many", "policy.observation_filter.warmup_episodes = 'many' is invalid");
    }

    private void assertBad(String key, String value, String message)
    {
        assertThatThrownBy(() -> TestRuns.runner().check(configuration(Map.of(key, value)))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static MetaTrainer trainer(RecordingDistribution distribution, String name, TaskLearner learner, ExperimentRunner.RebuiltRun run, LocalTaskRunner pool)
    {
        return new MetaTrainer(distribution, name, learner, new LocalUnitExecutor(distribution, run.learners(), pool), RandomSource.seeded(5));
    }

    private static double[] initial(TaskLearner learner)
    {
        double[] phi = new double[learner.parameterCount()];
        java.util.SplittableRandom random = RandomSource.seeded(9).generator();
        for (int i = 0; i < phi.length; i++) {
            phi[i] = 0.3 * random.nextGaussian();
        }
        return phi;
    }

    private static void assertTwoPass(ObservationStatistics statistics, List<double[]> observations)
    {
        assertThat(statistics.count()).isEqualTo(observations.size());
        for (int j = 0; j < statistics.dimension(); j++) {
            double sum = 0;
            for (double[] x : observations) {
                sum += x[j];
            }
            double mean = sum / observations.size();
            double m2 = 0;
            for (double[] x : observations) {
                m2 += (x[j] - mean) * (x[j] - mean);
            }
            assertThat(statistics.mean()[j]).as("mean[%d]", j).isCloseTo(mean, within(TOLERANCE * Math.max(1, Math.abs(mean))));
            assertThat(statistics.sumOfSquaredDeviations()[j]).as("M2[%d]", j).isCloseTo(m2, within(TOLERANCE * Math.max(1, m2)));
        }
    }

    /** φ ← φ + 0.01·ĝ, stateless: the outer step does not matter here, only that φ moves. */
    private static final class PlainAscent
            implements OuterOptimizer
    {
        @Override
        public void step(double[] phi, MetaStep step)
        {
            double[] gradient = step.gradient();
            for (int i = 0; i < phi.length; i++) {
                phi[i] += 0.01 * gradient[i];
            }
        }

        @Override
        public Map<String, double[]> state()
        {
            return Map.of();
        }

        @Override
        public void restore(Map<String, double[]> state) {}
    }

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
