package org.bomrl.core.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.cli.Bomrl;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run directory, resume, provenance and plugin loading promise beyond refusing bad input (issue 7). */
final class RunTrustTest
{
    private static final String TINY = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.example.bandit", "estimation.episodes = 20",
            "meta_train.iterations = 4", "meta_train.tasks_per_iteration = 2", "meta_train.checkpoint_every = 2", "meta_test.rounds = 1",
            "meta_test.repetitions = 2", "methods = pg", "method.pg.adaptation = adapt.pg", "method.pg.adaptation.step_size = 5", "");

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
    void resumeRemovesTheTemporaryFilesOfAKilledRunAndFinishesWithTheSameResults()
            throws IOException
    {
        Path file = Files.writeString(directory.resolve("tiny.properties"), TINY);
        Path out = directory.resolve("run");
        assertThat(bomrl("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        String curves = Files.readString(out.resolve("curves.csv"));
        Files.delete(out.resolve("summary.json"));
        Path leftover = Files.writeString(out.resolve(".summary.json12345.tmp"), "{ half");
        Path checkpointLeftover = Files.writeString(out.resolve("checkpoints/.pg.json999.tmp"), "[");

        Result resumed = bomrl("resume", out.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(leftover).doesNotExist();
        assertThat(checkpointLeftover).doesNotExist();
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(summary);
        assertThat(Files.readString(out.resolve("curves.csv"))).isEqualTo(curves);
        assertThat(RunDirectory.json().readTree(out.resolve("integrity.json").toFile()).get("planHash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void aSuiteRunWithOverridesCanBeResumed()
            throws IOException
    {
        Files.writeString(directory.resolve("member.properties"), TINY);
        Path suite = Files.writeString(directory.resolve("suite.properties"), "experiment.type = suite\nexperiment.report_writers =\nsuite.experiments = member.properties\n");
        Path out = directory.resolve("suite-run");
        Result first = bomrl("run", suite.toString(), "--out", out.toString(), "--set", "meta_train.iterations=2", "--set", "experiment.report_writers=");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String combined = Files.readString(out.resolve("combined.csv"));
        assertThat(Files.readString(out.resolve("member/config.properties"))).contains("meta_train.iterations = 2");
        Files.delete(out.resolve("combined.csv"));
        Files.delete(out.resolve("member/summary.json"));

        Result resumed = bomrl("resume", out.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(out.resolve("combined.csv"))).isEqualTo(combined);
    }

    @Test
    void everyCommandHasHelp()
    {
        for (String command : List.of("run", "resume", "plugins", "describe", "optimum")) {
            Result help = bomrl(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: bomrl " + command);
        }
    }

    @Test
    void aMetaTrainingWhoseHypergradientIsAlwaysZeroIsReportedAsNoProgress()
            throws IOException
    {
        // step 1e300: θ = φ + α∇S saturates the softmax, so ∇J at the adapted policy, and with it h = (I + α∇²S)g, is exactly 0
        Path file = Files.writeString(directory.resolve("stalled.properties"), TINY.replace("method.pg.adaptation.step_size = 5",
                "experiment.mode = exact\nmethod.pg.adaptation.step_size = 1e300"));
        Path out = directory.resolve("stalled");

        Result result = bomrl("run", file.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = RunDirectory.json().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("noProgress")).as("summary.noProgress").isNotNull();
        assertThat(summary.get("noProgress").get(0).asText()).isEqualTo("pg");
        for (String line : Files.readAllLines(out.resolve("training-pg.csv")).subList(1, 5)) {
            assertThat(Double.parseDouble(line.split(",")[3])).isZero();
        }
    }

    @Test
    void aTrainingThatMovesIsNotReportedAsNoProgress()
            throws IOException
    {
        Path file = Files.writeString(directory.resolve("tiny.properties"), TINY);
        Path out = directory.resolve("run");
        assertThat(bomrl("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(RunDirectory.json().readTree(out.resolve("summary.json").toFile()).get("noProgress")).isNull();
    }

    @Test
    void provenanceRecordsBomrlsOwnBuildRevisionNotTheWorkingDirectorysRepository()
            throws IOException
    {
        Path file = Files.writeString(directory.resolve("e.properties"), "experiment.type = evaluate\nexperiment.report_writers =\nenvironment = env.example.bandit\n");
        Path out = directory.resolve("run");
        assertThat(bomrl("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        Properties stamp = new Properties();
        try (InputStream in = RunDirectory.class.getResourceAsStream("build.properties")) {
            stamp.load(in);
        }

        JsonNode provenance = RunDirectory.json().readTree(out.resolve("provenance.json").toFile());

        assertThat(stamp.getProperty("revision")).as("filtered at build time").doesNotStartWith("${");
        assertThat(provenance.get("bomrlRevision").asText()).isEqualTo(stamp.getProperty("revision"));
        assertThat(provenance.has("gitRevision")).isFalse();
    }

    @Test
    void eachPluginJarHasItsOwnClassLoaderSoTheirDependenciesCannotClash()
    {
        Path first = sharedDependencyPlugin("first", "env.isolated.first", "one");
        Path second = sharedDependencyPlugin("second", "env.isolated.second", "two");

        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), List.of(first, second));

        assertThat(registry.find("env.isolated.first").orElseThrow().factory().description()).isEqualTo("one");
        assertThat(registry.find("env.isolated.second").orElseThrow().factory().description()).isEqualTo("two");
        assertThat(registry.find("env.isolated.first").orElseThrow().origin()).endsWith("first.jar");
        assertThat(registry.find("env.example.bandit")).as("class-path plugins stay").isPresent();
    }

    /** A plugin jar bundling its own {@code shared.Dependency} (same class name in both jars, different value). */
    private Path sharedDependencyPlugin(String pkg, String name, String value)
    {
        Path work = directory.resolve(pkg);
        Path dependency = PluginJars.build(work.resolve("dependency"), work.resolve("plugin/dependency.jar"),
                java.util.Map.of("shared/Dependency.java", "package shared; public final class Dependency { public static String value() { return \"" + value + "\"; } }"),
                java.util.Map.of());
        Path plugin = PluginJars.environmentPlugin(work.resolve("build"), pkg, name, "return null;", "shared.Dependency.value()", dependency);
        try {
            Files.move(plugin, work.resolve("plugin").resolve(pkg + ".jar"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return work.resolve("plugin");
    }
}
