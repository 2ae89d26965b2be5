package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

final class SeedsExperimentTest
{
    private static final double TOLERANCE = 1e-12;
    private static final long[] SEEDS = {7, 8, 9};

    private static final String TABULAR = """
            experiment.name = tiny
            experiment.type = meta-learning
            experiment.comparators = compare.all-task-optimum
            experiment.report_writers =
            environment = env.frozenlake.paper-high-variance
            estimation.episodes = 30
            meta_train.iterations = 4
            meta_train.tasks_per_iteration = 3
            meta_test.rounds = 2
            meta_test.repetitions = 3
            methods = bomrl, pg
            method.bomrl.adaptation = adapt.bomrl
            method.bomrl.adaptation.distance = distance.kl-adapted-prior
            method.bomrl.adaptation.hypergradient = first-order
            method.bomrl.adaptation.lambda = 0.2
            method.bomrl.train.lambda = 5.0
            method.pg.prior = method:bomrl
            method.pg.adaptation = adapt.pg
            """;

    private static final String SEEDS_FILE = """
            experiment.name = tiny-seeds
            experiment.type = seeds
            seeds.experiment = tiny.properties
            seeds.training_seeds = 7, 8, 9
            seeds.resamples = 2000
            seeds.member.meta_test.repetitions = 2
            """;

    /** The comparison files, whose bytes must depend only on the seed list. */
    private static final List<String> COMPARISON = List.of("seeds.csv", "per-seed.csv", "per-task.csv", "significance.csv", "budget.csv", "summary.json");

    @TempDir
    Path directory;

    private Path run(String name, Map<String, String> overrides)
            throws IOException
    {
        Files.writeString(directory.resolve("tiny.properties"), TABULAR);
        Path file = directory.resolve("tiny-seeds.properties");
        Files.writeString(file, SEEDS_FILE);
        return TestRuns.runner().run(ExperimentConfiguration.load(file, overrides), directory.resolve(name), TestRuns.QUIET, (row, checkpoint) -> {});
    }

    @Test
    void tabularSeedsAggregateEachSeedsOrdinaryResultsWhateverTheThreadCount()
            throws IOException
    {
        Path serial = run("serial", Map.of("experiment.threads", "1"));
        Path parallel = run("parallel", Map.of("experiment.threads", "2", "seeds.parallel", "2"));

        for (String file : COMPARISON) {
            assertThat(Files.readAllBytes(parallel.resolve(file))).as(file).isEqualTo(Files.readAllBytes(serial.resolve(file)));
        }
        double[] stepZero = new double[SEEDS.length];
        double[] stepOneGap = new double[SEEDS.length];
        double[] pgStepOne = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            Path seedRun = serial.resolve("seed-" + SEEDS[s]);
            // seeds.member.meta_test.repetitions = 2 overrides the member's 3: 2 methods × 2 repetitions × 10 tasks × 3 steps
            assertThat(Files.readAllLines(seedRun.resolve("meta-test.csv"))).hasSize(1 + 2 * 2 * 10 * 3);
            JsonNode methods = RunDirectory.json().readTree(seedRun.resolve("summary.json").toFile()).get("methods");
            assertThat(RunDirectory.json().readTree(seedRun.resolve("summary.json").toFile()).get("seed").asLong()).isEqualTo(SEEDS[s]);
            stepZero[s] = methods.get("bomrl").get("steps").get(0).get("meanReturn").asDouble();
            stepOneGap[s] = methods.get("bomrl").get("steps").get(1).get("meanGap").get("compare.all-task-optimum").asDouble();
            pgStepOne[s] = methods.get("pg").get("steps").get(1).get("meanReturn").asDouble();
        }
        assertThat(stepZero[0]).as("different training seeds give different priors").isNotEqualTo(stepZero[1]);

        JsonNode summary = RunDirectory.json().readTree(serial.resolve("summary.json").toFile());
        JsonNode bomrl = summary.get("panels").get("tiny").get("methods").get("bomrl").get("measures");
        JsonNode returnStepZero = bomrl.get("return").get(0);
        assertThat(returnStepZero.get("mean").asDouble()).isCloseTo(mean(stepZero), within(TOLERANCE));
        // three seeds: ⌊3/4⌋ = 0 values trimmed, so the IQM is the mean
        assertThat(returnStepZero.get("iqm").asDouble()).isCloseTo(mean(stepZero), within(TOLERANCE));
        assertThat(returnStepZero.get("ciLower").asDouble()).isBetween(min(stepZero), mean(stepZero));
        assertThat(returnStepZero.get("ciUpper").asDouble()).isBetween(mean(stepZero), max(stepZero));
        assertThat(bomrl.get("gap_compare.all-task-optimum").get(1).get("mean").asDouble()).isCloseTo(mean(stepOneGap), within(TOLERANCE));

        // per task: the mean over tasks of each task's seed mean is the seed mean of the task-mean return
        double taskSum = 0;
        int tasks = 0;
        for (JsonNode task : summary.get("panels").get("tiny").get("methods").get("bomrl").get("perTask")) {
            taskSum += task.get("return").get(0).get("mean").asDouble();
            tasks++;
        }
        assertThat(tasks).isEqualTo(10);
        assertThat(taskSum / tasks).isCloseTo(mean(stepZero), within(1e-9));

        // pg meta-tests bomrl's prior: identical exact step-0 returns (gaps use exact returns), so the
        // paired gap difference is 0 and every sign pattern ties
        List<JsonNode> significance = new ArrayList<>();
        summary.get("panels").get("tiny").get("significance").forEach(significance::add);
        JsonNode returnZero = significance.stream().filter(line -> line.get("measure").asText().equals("gap_compare.all-task-optimum") && line.get("step").asInt() == 0)
                .findFirst().orElseThrow();
        assertThat(returnZero.get("reference").asText()).isEqualTo("bomrl");
        assertThat(returnZero.get("method").asText()).isEqualTo("pg");
        assertThat(returnZero.get("meanDifference").asDouble()).isEqualTo(0.0);
        assertThat(returnZero.get("pValue").asDouble()).isEqualTo(1.0);
        JsonNode returnOne = significance.stream().filter(line -> line.get("measure").asText().equals("return") && line.get("step").asInt() == 1).findFirst().orElseThrow();
        double[] difference = new double[SEEDS.length];
        JsonNode bomrlStepOne = bomrl.get("return").get(1).get("perSeed");
        for (int s = 0; s < SEEDS.length; s++) {
            difference[s] = bomrlStepOne.get(s).asDouble() - pgStepOne[s];
        }
        assertThat(returnOne.get("meanDifference").asDouble()).isCloseTo(mean(difference), within(TOLERANCE));
        // three seeds, exact enumeration of 2³ sign patterns: p is a multiple of 1/8 and at least 2/8 (the pattern and its negation)
        assertThat(returnOne.get("pValue").asDouble() * 8).isCloseTo(Math.rint(returnOne.get("pValue").asDouble() * 8), within(TOLERANCE));
        assertThat(returnOne.get("pValue").asDouble()).isGreaterThanOrEqualTo(0.25);

        // budget: bomrl is meta-trained with 3 tasks × (30 + 30) episodes per iteration; pg is not meta-trained
        JsonNode budget = summary.get("panels").get("tiny").get("budget");
        assertThat(budget.get("methods").get("bomrl").get("episodesPerIteration").asLong()).isEqualTo(180);
        assertThat(budget.get("methods").get("pg").get("metaTrained").asBoolean()).isFalse();
        assertThat(budget.get("equalAcrossMetaTrainedMethods").asBoolean()).isTrue();
        assertThat(serial.resolve("seeds-returns-tiny.png")).exists();
        assertThat(serial.resolve("seeds-gaps-tiny.png")).exists();
        assertThat(Files.readAllLines(serial.resolve("seeds.csv"))).hasSize(1 + 2 * 2 * 3);
    }

    @Test
    void aSuiteOverSeedsReportsEveryPanelAndResumeSkipsFinishedSeeds()
            throws IOException
    {
        Files.writeString(directory.resolve("tiny.properties"), TABULAR);
        Files.writeString(directory.resolve("other.properties"), TABULAR.replace("experiment.name = tiny", "experiment.name = other")
                .replace("paper-high-variance", "paper-low-variance"));
        Files.writeString(directory.resolve("suite.properties"), "experiment.name = pair\nexperiment.type = suite\nsuite.experiments = tiny.properties, other.properties\n");
        Path file = directory.resolve("pair-seeds.properties");
        Files.writeString(file, SEEDS_FILE.replace("tiny.properties", "suite.properties").replace("7, 8, 9", "3, 4"));
        ExperimentRunner runner = TestRuns.runner();

        Path run = runner.run(ExperimentConfiguration.load(file, Map.of()), directory.resolve("pair"), TestRuns.QUIET, (row, checkpoint) -> {});
        byte[] table = Files.readAllBytes(run.resolve("seeds.csv"));
        byte[] seedThree = Files.readAllBytes(run.resolve("seed-3/tiny/meta-test.csv"));
        Files.delete(run.resolve("seed-4/summary.json"));
        runner.resume(run, TestRuns.QUIET, (row, checkpoint) -> {});

        JsonNode panels = RunDirectory.json().readTree(run.resolve("summary.json").toFile()).get("panels");
        List<String> names = new ArrayList<>();
        panels.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("tiny", "other");
        assertThat(run.resolve("seed-4/other/summary.json")).exists();
        assertThat(Files.readAllBytes(run.resolve("seeds.csv"))).isEqualTo(table);
        assertThat(Files.readAllBytes(run.resolve("seed-3/tiny/meta-test.csv"))).isEqualTo(seedThree);
    }

    @Test
    void continuousSeedsOnNavigation2d()
            throws IOException
    {
        Files.writeString(directory.resolve("nav.properties"), """
                experiment.name = nav
                experiment.type = meta-learning
                experiment.comparators = compare.all-task-optimum
                experiment.report_writers =
                environment = env.navigation-2d
                environment.horizon = 10
                policy = policy.gaussian-mlp
                policy.hidden_sizes = 8
                sampling.episodes = 4
                sampling.post_episodes = 6
                sampling.horizon = 10
                sampling.bootstrap_steps = 0
                sampling.fisher_tasks = 2
                meta_train.iterations = 2
                meta_train.tasks_per_iteration = 2
                meta_train.optimizer = optimizer.trpo
                meta_test.rounds = 1
                meta_test.repetitions = 1
                methods = alg1, alg3
                method.alg1.adaptation = adapt.bomrl
                method.alg1.adaptation.distance = distance.kl-prior-adapted
                method.alg1.adaptation.lambda = 0.5
                method.alg3.adaptation = adapt.bomrl
                method.alg3.adaptation.distance = distance.squared-euclidean
                method.alg3.adaptation.lambda = 0.5
                """);
        Path file = directory.resolve("nav-seeds.properties");
        Files.writeString(file, SEEDS_FILE.replace("tiny.properties", "nav.properties").replace("7, 8, 9", "1, 2"));

        Path run = TestRuns.runner().run(ExperimentConfiguration.load(file, Map.of()), directory.resolve("nav-seeds"), TestRuns.QUIET, (row, checkpoint) -> {});

        JsonNode panel = RunDirectory.json().readTree(run.resolve("summary.json").toFile()).get("panels").get("nav");
        // both methods meta-trained with 2 tasks × (4 + 6) episodes per iteration
        assertThat(panel.get("budget").get("methods").get("alg1").get("episodesPerIteration").asLong()).isEqualTo(20);
        assertThat(panel.get("budget").get("methods").get("alg3").get("episodesPerIteration").asLong()).isEqualTo(20);
        assertThat(panel.get("budget").get("equalAcrossMetaTrainedMethods").asBoolean()).isTrue();
        double[] perSeed = new double[2];
        for (int s = 0; s < 2; s++) {
            perSeed[s] = RunDirectory.json().readTree(run.resolve("seed-" + (s + 1) + "/summary.json").toFile())
                    .get("methods").get("alg3").get("steps").get(1).get("meanReturn").asDouble();
        }
        assertThat(panel.get("methods").get("alg3").get("measures").get("return").get(1).get("mean").asDouble()).isCloseTo(mean(perSeed), within(TOLERANCE));
        assertThat(run.resolve("seeds-returns-nav.png")).exists();
    }

    @Test
    void oneSeedOrARepeatedSeedIsAClearError()
            throws IOException
    {
        assertThatThrownBy(() -> run("one", Map.of("seeds.training_seeds", "543"))).isInstanceOf(InvalidSettingException.class)
                .hasMessage("seeds.training_seeds needs at least 2 seeds (one seed is not a result); got [543]");
        assertThatThrownBy(() -> run("twice", Map.of("seeds.training_seeds", "1, 2, 1"))).hasMessage("seeds.training_seeds lists 1 twice");
        assertThatThrownBy(() -> run("word", Map.of("seeds.training_seeds", "1, x"))).hasMessage("seeds.training_seeds: 'x' is not a 64-bit integer seed");
        assertThatThrownBy(() -> run("fixed", Map.of("seeds.member.experiment.seed", "5"))).hasMessageContaining("seeds.member.experiment.seed cannot be set");
        assertThat(directory.resolve("one")).doesNotExist();
    }

    private static double mean(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double min(double[] values)
    {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values)
    {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }
}
