package org.bomrl.core.badinput;

import org.bomrl.core.cli.Bomrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus (issue 7): malformed experiment files, options, suites, damaged or edited run
 * directories and faulty plugins, each run through the command line in-process. Every case must exit
 * with its code, print exactly one line starting with {@code bomrl: } that names what is wrong, and
 * leave every file that existed before (including a finished run) byte-identical, creating nothing.
 */
final class BadInputCorpusTest
{
    /** A finished tiny meta-learning run (two-armed bandit, four iterations, checkpoints every two). */
    static final String TINY = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.example.bandit", "estimation.episodes = 20",
            "meta_train.iterations = 4", "meta_train.tasks_per_iteration = 2", "meta_train.checkpoint_every = 2", "meta_test.rounds = 1",
            "meta_test.repetitions = 2", "methods = pg", "method.pg.adaptation = adapt.pg", "method.pg.adaptation.step_size = 5", "");
    /** A tiny Frozen Lake meta-learning run over a pool of three random 4×4 maps. */
    private static final String LAKE = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.frozenlake", "environment.map_name = random", "environment.size = 4",
            "environment.tasks = 3", "meta_train.iterations = 2", "meta_train.tasks_per_iteration = 3", "meta_test.rounds = 1", "meta_test.repetitions = 1", "methods = pg",
            "method.pg.adaptation = adapt.pg", "method.pg.adaptation.step_size = 5", "");
    /** {@link #TINY} with a second method, BO-MRL Alg(1), whose adaptation settings the overlay cases read. */
    private static final String TWO = TINY.replace("methods = pg", "methods = pg, b")
            + "method.b.adaptation = adapt.bomrl\nmethod.b.adaptation.distance = distance.kl-prior-adapted\nmethod.b.adaptation.lambda = 0.5\n";
    private static final String EVALUATE = "experiment.type = evaluate\nexperiment.report_writers =\nenvironment = env.example.bandit\n";

    @TempDir
    static Path shared;

    private static Path finishedRun;

    @TempDir
    Path directory;

    /** What a case runs: the command line and, optionally, a plugin path. */
    record Invocation(String[] args, String pluginPath) {}

    /** Prepares a case's files in its directory and returns what to run. */
    interface Setup
    {
        Invocation apply(Path directory)
                throws IOException;
    }

    record Case(String name, Setup setup, int exitCode, List<String> fragments)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    @BeforeAll
    static void finishARun()
            throws IOException
    {
        Path file = Files.writeString(shared.resolve("tiny.properties"), TINY);
        finishedRun = shared.resolve("finished");
        StringWriter err = new StringWriter();
        int code = Bomrl.execute(new String[] {"run", file.toString(), "--out", finishedRun.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(finishedRun.resolve("checkpoints/pg.json")).isRegularFile();
    }

    static Stream<Case> corpus()
    {
        List<Case> cases = new ArrayList<>();
        // the experiment file itself
        cases.add(user("missing file", dir -> run(dir.resolve("absent.properties")), "absent.properties", "no such experiment file"));
        cases.add(user("directory instead of file", dir -> run(mkdirs(dir.resolve("folder.properties"))), "is a directory"));
        cases.add(user("YAML file", dir -> run(write(dir, "e.yaml", "a: 1\n")), "unsupported experiment file type"));
        cases.add(user("not UTF-8", dir -> run(writeBytes(dir, "e.properties", new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe, '\n'})), "e.properties", "not UTF-8"));
        cases.add(user("duplicate key", dir -> run(write(dir, "e.properties", EVALUATE + "experiment.seed = 1\nexperiment.seed = 2\n")),
                "key 'experiment.seed' is given 2 times"));
        cases.add(user("trailing backslash drops a line", dir -> run(write(dir, "e.properties", "experiment.seed = 3\\\n" + EVALUATE)), "line 1 ends with '\\'"));
        cases.add(user("unknown key with suggestion", dir -> run(write(dir, "e.properties", EVALUATE + "experiment.sed = 3\n")),
                "unknown key 'experiment.sed'", "did you mean 'experiment.seed'?"));
        cases.add(user("missing environment", dir -> run(write(dir, "e.properties", "experiment.type = evaluate\n")), "required key 'environment' is missing"));
        cases.add(user("unknown environment", dir -> run(write(dir, "e.properties", "experiment.type = evaluate\nenvironment = env.example.bandt\n")),
                "environment = 'env.example.bandt' is not a registered environment", "did you mean 'env.example.bandit'?"));
        cases.add(user("non-numeric seed", dir -> run(write(dir, "e.properties", EVALUATE + "experiment.seed = abc\n")), "experiment.seed", "abc"));
        cases.add(user("unknown experiment type", dir -> run(write(dir, "e.properties", EVALUATE.replace("evaluate", "evalute"))), "experiment.type", "evalute"));
        cases.add(user("zero threads", dir -> run(write(dir, "e.properties", EVALUATE + "experiment.threads = 0\n")), "experiment.threads = 0", "expected 1 to 256"));
        cases.add(user("unknown comparator", dir -> run(write(dir, "e.properties", EVALUATE + "experiment.comparators = compare.nothing\n")),
                "'compare.nothing' is not a registered comparator"));
        cases.add(user("unknown report writer", dir -> run(write(dir, "e.properties", EVALUATE.replace("report_writers =", "report_writers = report.gif"))),
                "'report.gif' is not a registered report writer"));
        cases.add(user("unknown environment setting", dir -> run(write(dir, "e.properties", EVALUATE + "environment.horizn = 3\n")),
                "unknown key 'environment.horizn'", "did you mean 'environment.horizon'?"));
        cases.add(user("negative environment setting", dir -> run(write(dir, "e.properties", EVALUATE + "environment.horizon = -1\n")), "environment.horizon = -1"));
        cases.add(user("meta-learning without methods", dir -> run(write(dir, "e.properties", TINY.replace("methods = pg\n", ""))), "required key 'methods' is missing"));
        cases.add(user("invalid method id", dir -> run(write(dir, "e.properties", TINY.replace("methods = pg", "methods = p g"))), "'p g' is not a valid method id"));
        cases.add(user("settings for a method id that defines no adaptation (misspelt)", dir -> run(write(dir, "e.properties", TINY + "method.pgg.adaptation.step_size = 3\n")),
                "unknown key 'method.pgg.adaptation.step_size'"));
        cases.add(user("method listed twice", dir -> run(write(dir, "e.properties", TINY.replace("methods = pg", "methods = pg, pg"))), "'pg' is listed twice"));
        cases.add(user("unknown adaptation", dir -> run(write(dir, "e.properties", TINY.replace("adaptation = adapt.pg", "adaptation = adapt.pgg"))),
                "'adapt.pgg' is not a registered adaptation algorithm"));
        cases.add(user("prior from a method that is not trained", dir -> run(write(dir, "e.properties", TINY + "method.pg.prior = method:other\n")),
                "method.pg.prior"));
        cases.add(user("negative iterations", dir -> run(write(dir, "e.properties", TINY.replace("iterations = 4", "iterations = -4"))), "meta_train", "iterations"));
        cases.add(user("unknown outer optimizer", dir -> run(write(dir, "e.properties", TINY + "meta_train.optimizer = optimizer.sgd\n")),
                "'optimizer.sgd' is not a registered outer optimizer"));
        cases.add(user("unknown execution backend", dir -> run(write(dir, "e.properties", TINY + "execution.backend = cluster\n")),
                "execution.backend = 'cluster' is not an available execution backend", "valid: local"));
        cases.add(user("tasks per iteration above the pool size", dir -> run(write(dir, "e.properties", LAKE.replace("tasks_per_iteration = 3", "tasks_per_iteration = 7"))),
                "meta_train.tasks_per_iteration = 7 exceeds the 3 training tasks of environment = env.frozenlake", "valid: 1 to 3"));
        // errors name the key the user wrote, also for values read through an overlay (train.*, bound.adaptation.*, seeds.member.*, suite members)
        cases.add(user("bad adaptation value read by meta-training", dir -> run(write(dir, "e.properties", TINY.replace("step_size = 5", "step_size = -1"))),
                "method.pg.adaptation.step_size = '-1'"));
        cases.add(user("bad meta-training overlay value", dir -> run(write(dir, "e.properties", TINY + "method.pg.train.step_size = -1\n")), "method.pg.train.step_size = '-1'"));
        cases.add(user("negative lambda", dir -> run(write(dir, "e.properties", TWO.replace("lambda = 0.5", "lambda = -1"))),
                "method.b.adaptation.lambda = '-1.0' is invalid: expected λ > 0"));
        cases.add(user("negative lambda beside a meta-training overlay", dir -> run(write(dir, "e.properties",
                TWO.replace("lambda = 0.5", "lambda = -1") + "method.b.train.hypergradient = first-order\n")), "method.b.adaptation.lambda = '-1.0'"));
        cases.add(user("adaptation value invalid with an overlay value", dir -> run(write(dir, "e.properties",
                TWO + "method.b.adaptation.solver = as-coded\nmethod.b.train.distance = distance.kl-adapted-prior\n")),
                "method.b.adaptation.solver = 'as-coded' is invalid with distance 'distance.kl-adapted-prior'"));
        cases.add(user("negative bound lambda", dir -> run(write(dir, "e.properties", TWO + "method.b.bound.type = kl-recipe\nmethod.b.bound.adaptation.lambda = -1\n")),
                "method.b.bound.adaptation.lambda = '-1.0'"));
        cases.add(user("zero bound rounds", dir -> run(write(dir, "e.properties", TWO + "method.b.bound.type = kl-recipe\nmethod.b.bound.rounds = 0\n")),
                "method.b.bound.rounds = '0'", "expected a positive number of rounds"));
        cases.add(user("bad value set on every training seed", dir -> {
            write(dir, "m.properties", TWO);
            return run(write(dir, "s.properties", "experiment.type = seeds\nseeds.experiment = m.properties\nseeds.training_seeds = 1, 2\n"
                    + "seeds.member.method.b.adaptation.lambda = -1\n"));
        }, "seeds.member.method.b.adaptation.lambda = '-1.0'"));
        cases.add(user("bad value in a suite member", dir -> {
            write(dir, "m.properties", TWO.replace("lambda = 0.5", "lambda = -1"));
            return run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = m.properties\n"));
        }, "suite member m.properties: method.b.adaptation.lambda = '-1.0'"));
        // options
        cases.add(user("--set without '='", dir -> invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--set", "experiment.seed"),
                "--set 'experiment.seed' is invalid: expected key=value"));
        cases.add(user("--set of an unknown key", dir -> invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--set", "experiment.sead=2",
                "--out", dir.resolve("out").toString()), "--set: unknown key 'experiment.sead'"));
        cases.add(user("experiment.name = ..", dir -> invocation("run", write(dir, "e.properties", EVALUATE + "experiment.name = ..\n").toString()),
                "experiment.name = '..' cannot name a run directory"));
        cases.add(user("unknown option", dir -> invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--outt", "x"), "Unknown options: '--outt'", "try 'bomrl run --help'"));
        // --out
        cases.add(user("--out on someone else's files", dir -> {
            Path out = mkdirs(dir.resolve("theirs"));
            write(out, "notes.txt", "not a run\n");
            return invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--out", out.toString());
        }, "theirs is not empty and holds no bomrl run"));
        cases.add(user("--out on a finished run", dir -> invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--out", copyRun(dir).toString()),
                "already holds a run"));
        cases.add(user("--out on a file", dir -> invocation("run", write(dir, "e.properties", EVALUATE).toString(), "--out", write(dir, "plain", "x").toString()),
                "exists and is not a directory"));
        // suites
        cases.add(user("suite listing itself", dir -> run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = s.properties\n")),
                "suite.experiments lists the suite itself"));
        cases.add(user("suites listing each other", dir -> {
            write(dir, "b.properties", "experiment.type = suite\nsuite.experiments = a.properties\n");
            return run(write(dir, "a.properties", "experiment.type = suite\nsuite.experiments = b.properties\n"));
        }, "member 'b.properties' is itself a suite"));
        cases.add(user("suite listing a seeds experiment", dir -> {
            write(dir, "m.properties", TINY);
            write(dir, "seeds.properties", "experiment.type = seeds\nseeds.experiment = m.properties\nseeds.training_seeds = 1, 2\n");
            return run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = seeds.properties\n"));
        }, "member 'seeds.properties' is a seeds experiment"));
        cases.add(user("suite member listed twice", dir -> {
            write(dir, "m.properties", EVALUATE);
            return run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = m.properties, ./m.properties\n"));
        }, "lists './m.properties' twice"));
        cases.add(user("suite members with one file name", dir -> {
            write(mkdirs(dir.resolve("one")), "m.properties", EVALUATE);
            write(mkdirs(dir.resolve("two")), "m.properties", EVALUATE);
            return run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = one/m.properties, two/m.properties\n"));
        }, "have the same file name"));
        cases.add(user("suite without members", dir -> run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments =\n")), "suite.experiments is empty"));
        cases.add(user("suite with a missing member", dir -> run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = gone.properties\n")),
                "gone.properties", "no such experiment file"));
        cases.add(user("suite key typo", dir -> {
            write(dir, "m.properties", EVALUATE);
            return run(write(dir, "s.properties", "experiment.type = suite\nsuite.experiments = m.properties\nsuite.experimnts = m.properties\n"));
        }, "unknown key 'suite.experimnts'"));
        // resume
        cases.add(user("resume of a directory that holds no run", dir -> invocation("resume", mkdirs(dir.resolve("empty")).toString()), "is not a run directory"));
        cases.add(user("resume after the seed was edited", dir -> {
            Path run = copyRun(dir);
            replace(run.resolve("config.properties"), "experiment.seed = 1", "experiment.seed = 2");
            return invocation("resume", run.toString());
        }, "config.properties was edited or damaged"));
        cases.add(user("resume after a logit was made non-numeric", dir -> {
            Path run = copyRun(dir);
            String text = Files.readString(run.resolve("checkpoints/pg.json"));
            int phi = text.indexOf("\"phi\" : [");
            int end = text.indexOf(',', phi);
            Files.writeString(run.resolve("checkpoints/pg.json"), text.substring(0, phi) + "\"phi\" : [ \"x\"" + text.substring(end));
            return invocation("resume", run.toString());
        }, "pg.json was edited or damaged"));
        cases.add(user("resume without the integrity record", dir -> {
            Path run = copyRun(dir);
            Files.delete(run.resolve("integrity.json"));
            return invocation("resume", run.toString());
        }, "has no integrity.json"));
        cases.add(user("resume with a garbled integrity record", dir -> {
            Path run = copyRun(dir);
            Files.writeString(run.resolve("integrity.json"), "{ not json");
            return invocation("resume", run.toString());
        }, "unreadable integrity record"));
        cases.add(user("resume with a deleted checkpoint", dir -> {
            Path run = copyRun(dir);
            Files.delete(run.resolve("checkpoints/pg.json"));
            return invocation("resume", run.toString());
        }, "pg.json is missing"));
        cases.add(user("resume with a foreign checkpoint", dir -> {
            Path run = copyRun(dir);
            Files.copy(run.resolve("checkpoints/pg.json"), run.resolve("checkpoints/other.json"));
            return invocation("resume", run.toString());
        }, "other.json was not written by this run"));
        // plugins
        cases.add(user("plugin whose create() throws", dir -> pluginRun(dir, PluginJars.environmentPlugin(dir.resolve("p"), "faulty.throwing", "env.faulty.throwing",
                        "throw new IllegalStateException(\"no tasks today\");", "\"throws\"")),
                "plugin fault: factory 'env.faulty.throwing'", "faulty.throwing.jar", "threw java.lang.IllegalStateException: no tasks today in create()"));
        cases.add(user("plugin whose create() returns null", dir -> pluginRun(dir, PluginJars.environmentPlugin(dir.resolve("p"), "faulty.nulls", "env.faulty.nulls",
                        "return null;", "\"null\"")),
                "plugin fault: factory 'env.faulty.nulls'", "faulty.nulls.jar", "returned null from create()"));
        cases.add(user("plugin with an unnamespaced factory name", dir -> pluginRun(dir, PluginJars.environmentPlugin(dir.resolve("p"), "faulty.unnamed", "bandit",
                        "return null;", "\"x\"")),
                "has the name 'bandit', which is not namespaced", "start with 'env.'"));
        cases.add(user("plugin path entry that does not exist", dir -> pluginRun(dir, dir.resolve("nowhere.jar")), "plugin path entry", "nowhere.jar does not exist"));
        cases.add(user("plugin path directory without jars", dir -> pluginRun(dir, mkdirs(dir.resolve("plugin-dir"))), "is a directory without jars"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void failsWithOneClearLineAndTouchesNothing(Case c)
            throws IOException
    {
        Invocation invocation = c.setup().apply(directory);
        Map<String, String> before = snapshot(directory);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        if (invocation.pluginPath() != null) {
            System.setProperty("bomrl.plugin.path", invocation.pluginPath());
        }
        try {
            code = Bomrl.execute(invocation.args(), new PrintWriter(out, true), new PrintWriter(err, true));
        }
        finally {
            System.clearProperty("bomrl.plugin.path");
        }

        String line = err.toString().strip();
        assertThat(code).as("exit code; stderr: %s", line).isEqualTo(c.exitCode());
        assertThat(line.lines().filter(l -> l.startsWith("bomrl: "))).as("error lines").hasSize(1);
        String error = line.lines().filter(l -> l.startsWith("bomrl: ")).findFirst().orElseThrow();
        assertThat(error).as("the error line").contains(c.fragments());
        assertThat(line.lines().filter(l -> !l.startsWith("bomrl: "))).as("other lines on stderr").isEmpty();
        assertThat(snapshot(directory)).as("files before and after").isEqualTo(before);
    }

    private static Case user(String name, Setup setup, String... fragments)
    {
        return new Case(name, setup, Bomrl.USER_ERROR, List.of(fragments));
    }

    private static Invocation run(Path file)
    {
        return invocation("run", file.toString(), "--out", file.resolveSibling("out").toString());
    }

    private static Invocation invocation(String... args)
    {
        return new Invocation(args, null);
    }

    private static Invocation pluginRun(Path dir, Path pluginPath)
    {
        Path file = write(dir, "e.properties", "experiment.type = evaluate\nexperiment.report_writers =\nenvironment = env.faulty.throwing\n"
                .replace("env.faulty.throwing", pluginPath.getFileName().toString().startsWith("faulty.nulls") ? "env.faulty.nulls" : "env.faulty.throwing"));
        return new Invocation(new String[] {"run", file.toString(), "--out", dir.resolve("out").toString()}, pluginPath.toString());
    }

    private static Path copyRun(Path dir)
    {
        Path copy = dir.resolve("run");
        try (Stream<Path> walk = Files.walk(finishedRun)) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(finishedRun.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static Path mkdirs(Path path)
    {
        try {
            return Files.createDirectories(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, String text)
    {
        return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path dir, String name, byte[] bytes)
    {
        try {
            return Files.write(dir.resolve(name), bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to)
    {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory under {@code root} with its bytes (directories as "/"). */
    private static Map<String, String> snapshot(Path root)
            throws IOException
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                files.put(root.relativize(path).toString(), Files.isDirectory(path) ? "/" : Arrays.toString(Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
