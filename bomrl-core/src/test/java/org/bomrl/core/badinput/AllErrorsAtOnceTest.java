package org.bomrl.core.badinput;

import org.bomrl.core.cli.Bomrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configuration is checked in one pass (issue 7, "collecting every error in one pass"): every
 * independent error is reported, one line each, in the order of the file's parts, with exit code 2
 * and nothing written; a part that needs a failed one is skipped instead of adding a consequential
 * error, and a failed section's keys are not also reported as unknown.
 */
final class AllErrorsAtOnceTest
{
    /** A finished-in-seconds bandit experiment (the corpus's). */
    private static final String TINY = BadInputCorpusTest.TINY;

    @TempDir
    Path directory;

    @Test
    void everyIndependentErrorOfAFileIsReportedOnItsOwnLine()
            throws IOException
    {
        Path file = write("e.properties", TINY.replace("meta_train.iterations = 4", "meta_train.iterations = many")
                .replace("meta_test.rounds = 1", "meta_test.rounds = 1.5")
                .replace("experiment.report_writers =", "experiment.report_writers =\nexperiment.seed = abc")
                + "estimation.episods = 3\n");

        List<String> lines = runFails(file);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("experiment.seed", "abc");
        assertThat(lines.get(1)).contains("meta_train.iterations", "many");
        assertThat(lines.get(2)).contains("meta_test.rounds", "1.5");
        assertThat(lines.get(3)).contains("unknown key 'estimation.episods'");
        assertThat(lines).allMatch(line -> line.startsWith("bomrl: "));
        assertThat(directoryContents()).containsExactly(file);
    }

    @Test
    void aFailedSelectorSkipsWhatNeedsItAndDoesNotReportItsKeysAsUnknown()
            throws IOException
    {
        Path file = write("e.properties", TINY.replace("env.example.bandit", "env.example.bandt") + "environment.arms = 3\nmeta_train.iterations_ = 2\n");

        List<String> lines = runFails(file);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("environment = 'env.example.bandt' is not a registered environment");
        assertThat(lines.get(1)).contains("unknown key 'meta_train.iterations_'");
    }

    @Test
    void twoBadValuesOfOneSectionAreBothReported()
            throws IOException
    {
        Path file = write("e.properties", TINY.replace("meta_train.iterations = 4", "meta_train.iterations = x").replace("meta_train.tasks_per_iteration = 2",
                "meta_train.tasks_per_iteration = y"));

        List<String> lines = runFails(file);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("meta_train.iterations", "'x'");
        assertThat(lines.get(1)).contains("meta_train.tasks_per_iteration", "'y'");
    }

    @Test
    void everyOutOfRangeValueOfTheSamplingSectionIsReported()
            throws IOException
    {
        Path file = write("e.properties", String.join("\n", "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.navigation-2d",
                "environment.horizon = 12", "policy.hidden_sizes = 8,8", "sampling.episodes = 0", "sampling.horizon = 12", "sampling.gamma = 2",
                "sampling.advantages = mc", "meta_train.iterations = 2", "meta_train.tasks_per_iteration = 2", "meta_test.rounds = 1", "meta_test.repetitions = 1",
                "methods = alg1", "method.alg1.adaptation = adapt.bomrl", "method.alg1.adaptation.distance = distance.kl-prior-adapted", ""));

        List<String> lines = runFails(file);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("sampling.episodes = 0 is invalid: expected at least 1");
        assertThat(lines.get(1)).contains("sampling.gamma = 2.0 is invalid");
        assertThat(lines.get(2)).contains("sampling.advantages = 'mc' is invalid");
    }

    @Test
    void aSuiteReportsTheErrorsOfEveryMemberNamedAfterIt()
            throws IOException
    {
        write("a.properties", TINY.replace("meta_test.rounds = 1", "meta_test.rounds = zero"));
        write("b.properties", TINY.replace("method.pg.adaptation = adapt.pg", "method.pg.adaptation = adapt.pgg"));
        write("c.properties", TINY);
        Path suite = write("s.properties", "experiment.type = suite\nsuite.experiments = a.properties, b.properties, c.properties\nsuite.extra = 1\n");

        List<String> lines = runFails(suite);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("unknown key 'suite.extra'");
        assertThat(lines.get(1)).contains("a.properties", "meta_test.rounds", "zero");
        assertThat(lines.get(2)).contains("suite member b.properties", "'adapt.pgg' is not a registered adaptation algorithm");
    }

    @Test
    void aSeedsExperimentReportsItsOwnErrorsAndItsMembersOnce()
            throws IOException
    {
        write("m.properties", TINY);
        Path seeds = write("seeds.properties", String.join("\n", "experiment.type = seeds", "seeds.experiment = m.properties", "seeds.training_seeds = 1, 2, 3",
                "seeds.resamples = -5", "seeds.member.meta_test.repetitions = none", "seeds.typo = 1", ""));

        List<String> lines = runFails(seeds);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("seeds.resamples");
        assertThat(lines.get(1)).contains("unknown key 'seeds.typo'");

        Path fixed = write("seeds.properties", String.join("\n", "experiment.type = seeds", "seeds.experiment = m.properties", "seeds.training_seeds = 1, 2, 3",
                "seeds.member.meta_test.repetitions = none", "seeds.member.meta_train.iterations = -1", ""));

        List<String> memberLines = runFails(fixed);

        assertThat(memberLines).hasSize(2);
        assertThat(memberLines).anyMatch(line -> line.contains("seeds.member.meta_test.repetitions") && line.contains("none"));
        assertThat(memberLines).anyMatch(line -> line.contains("seeds.member.meta_train.iterations"));
    }

    private List<String> runFails(Path file)
    {
        StringWriter err = new StringWriter();
        Path out = directory.resolve("out");
        int code = Bomrl.execute(new String[] {"run", file.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(out).doesNotExist();
        return err.toString().lines().toList();
    }

    private Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(directory.resolve(name), text);
    }

    private List<Path> directoryContents()
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
