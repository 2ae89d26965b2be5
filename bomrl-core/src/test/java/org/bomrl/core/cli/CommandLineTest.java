package org.bomrl.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

final class CommandLineTest
{
    /** Paper §5a: shortest path of 6 moves, +1 per step in G from step 5 to 48, γ = 0.8. */
    private static final double PAPER_OPTIMUM = Math.pow(0.8, 5) * (1 - Math.pow(0.8, 44)) / 0.2;

    @TempDir
    Path directory;

    private record Result(int exitCode, String out, String err) {}

    private static Result bomrl(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Bomrl.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void optimumPrintsTheExactValueOfEveryPaperMap()
            throws IOException
    {
        Result result = bomrl("optimum", "env.frozenlake.paper-low-variance");

        assertThat(result.exitCode()).isZero();
        JsonNode json = RunDirectory.json().readTree(result.out());
        assertThat(json.get("tasks")).hasSize(20);
        for (JsonNode task : json.get("tasks")) {
            assertThat(task.get("optimalValue").asDouble()).isCloseTo(PAPER_OPTIMUM, within(1e-12));
        }
    }

    @Test
    void optimumAppliesSettingsAndRejectsUnknownOnes()
            throws IOException
    {
        Result discounted = bomrl("optimum", "env.frozenlake.paper-high-variance", "--set", "gamma=0.5");
        assertThat(discounted.exitCode()).isZero();
        double expected = Math.pow(0.5, 5) * (1 - Math.pow(0.5, 44)) / 0.5;
        assertThat(RunDirectory.json().readTree(discounted.out()).get("meanOptimalValue").asDouble()).isCloseTo(expected, within(1e-12));

        Result unknown = bomrl("optimum", "env.frozenlake.paper-high-variance", "--set", "gama=0.5");
        assertThat(unknown.exitCode()).isEqualTo(Bomrl.USER_ERROR);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("unknown key 'environment.gama'").contains("did you mean 'environment.gamma'?");
    }

    @Test
    void unknownEnvironmentNameListsTheValidOnes()
    {
        Result result = bomrl("optimum", "env.frozenlake.paper-high-varianc");

        assertThat(result.exitCode()).isEqualTo(Bomrl.USER_ERROR);
        assertThat(result.err().strip()).doesNotContain("\n").contains("did you mean 'env.frozenlake.paper-high-variance'?");
    }

    @Test
    void runRejectsABadFileWithOneLineAndWritesNothing()
            throws IOException
    {
        Path file = directory.resolve("bad.properties");
        Files.writeString(file, "experiment.type = evaluate\nenvironment = env.frozenlake.paper-high-variance\nexperiment.sed = 3\n");
        Path out = directory.resolve("run");

        Result result = bomrl("run", file.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(Bomrl.USER_ERROR);
        assertThat(result.err().strip()).doesNotContain("\n").contains("bad.properties").contains("unknown key 'experiment.sed'").contains("did you mean 'experiment.seed'?");
        assertThat(out).doesNotExist();
    }

    @Test
    void runRefusesToOverwriteAnExistingRun()
            throws IOException
    {
        Path file = directory.resolve("optima.properties");
        Files.writeString(file, "experiment.type = evaluate\nexperiment.report_writers =\nenvironment = env.frozenlake.paper-high-variance\n");
        Path out = directory.resolve("run");
        assertThat(bomrl("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));

        Result again = bomrl("run", file.toString(), "--out", out.toString());

        assertThat(again.exitCode()).isEqualTo(Bomrl.USER_ERROR);
        assertThat(again.err()).contains("already holds a run");
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(summary);
        JsonNode json = RunDirectory.json().readTree(summary);
        assertThat(json.get("meanReference").get("compare.all-task-optimum").asDouble()).isCloseTo(PAPER_OPTIMUM, within(1e-12));
        assertThat(Files.readString(out.resolve("config.properties"))).contains("environment = env.frozenlake.paper-high-variance").contains("experiment.seed = 1");
        assertThat(RunDirectory.json().readTree(out.resolve("provenance.json").toFile()).get("taskDistributionFingerprints").size()).isEqualTo(1);
    }

    @Test
    void resumeFinishesAnInterruptedRunWithTheSameResults()
            throws IOException
    {
        Path file = directory.resolve("tiny.properties");
        Files.writeString(file, String.join("\n",
                "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.example.bandit", "estimation.episodes = 20",
                "meta_train.iterations = 4", "meta_train.tasks_per_iteration = 2", "meta_train.checkpoint_every = 2", "meta_test.rounds = 1",
                "meta_test.repetitions = 2", "methods = pg", "method.pg.adaptation = adapt.pg", "method.pg.adaptation.step_size = 5", ""));
        Path out = directory.resolve("run");
        assertThat(bomrl("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        String curves = Files.readString(out.resolve("curves.csv"));
        Files.delete(out.resolve("summary.json"));

        Result resumed = bomrl("resume", out.toString());

        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out()).contains("results in " + out);
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(summary);
        assertThat(Files.readString(out.resolve("curves.csv"))).isEqualTo(curves);
        assertThat(bomrl("resume", directory.resolve("nothing").toString()).err()).contains("is not a run directory");
    }

    @Test
    void pluginsAndDescribeListFactoriesWithTheirJarsAndSettings()
    {
        Result plugins = bomrl("plugins");
        assertThat(plugins.exitCode()).isZero();
        assertThat(plugins.out()).contains("env.example.bandit").contains("bomrl-example-plugin").contains("adapt.bomrl").contains("distance.kl-adapted-prior");

        Result describe = bomrl("describe", "env.example.bandit");
        assertThat(describe.exitCode()).isZero();
        assertThat(describe.out()).contains("horizon").contains("integer").contains("default 5");

        Result experiment = bomrl("describe", "experiment");
        assertThat(experiment.out()).contains("meta_train.<key>").contains("iterations");

        Result unknown = bomrl("describe", "adapt.bomr");
        assertThat(unknown.exitCode()).isEqualTo(Bomrl.USER_ERROR);
        assertThat(unknown.err()).contains("did you mean 'adapt.bomrl'?");
    }

    @Test
    void reportWritersAreListedAndDescribedLikeEveryOtherKind()
    {
        Result plugins = bomrl("plugins");
        assertThat(plugins.exitCode()).isZero();
        String listing = plugins.out();
        assertThat(listing).contains("policy classes:").contains("report writers:");
        String reportSection = listing.substring(listing.indexOf("report writers:"));
        assertThat(reportSection).as("report writers listed as a kind, with description, jar and version like the others")
                .containsPattern("\\n  report\\.png +one PNG image per figure \\(line and bar charts\\)\\n +\\([^,]+, [^)]+\\)");

        Result describe = bomrl("describe", "report.png");
        assertThat(describe.exitCode()).isZero();
        assertThat(describe.out()).contains("report.png (report writer)").contains("keys report.report.png.<key>")
                .contains("width").contains("default 800").contains("height").contains("default 500");
    }
}
