package org.bomrl.hazelcast;

import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.train.MetaTrainer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs shipped examples, shortened by overrides, as the CLI does; and reads a run's result files. */
final class Runs
{
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    static final Path EXAMPLES = Path.of("..", "examples");

    /** figure1/high-variance-alg2 with 3 meta-iterations and fewer episodes and repetitions. */
    static final Map<String, String> SHORT_TABULAR = Map.of("meta_train.iterations", "3", "estimation.episodes", "60", "meta_test.repetitions", "2",
            "meta_test.rounds", "2", "method.bomrl.bound.rounds", "2", "meta_train.checkpoint_every", "1");

    /** navigation-2d with a tiny network, short episodes and two meta-iterations. */
    static final Map<String, String> TINY_NEURAL = Map.ofEntries(Map.entry("policy.hidden_sizes", "8"), Map.entry("sampling.episodes", "3"),
            Map.entry("sampling.post_episodes", "3"), Map.entry("sampling.horizon", "15"), Map.entry("environment.horizon", "15"),
            Map.entry("sampling.fisher_tasks", "2"), Map.entry("meta_train.iterations", "2"), Map.entry("meta_train.tasks_per_iteration", "4"),
            Map.entry("meta_test.rounds", "1"), Map.entry("meta_test.repetitions", "1"));

    private Runs() {}

    static ExperimentRunner runner()
    {
        return Injection.create(PluginRegistry.load(Runs.class.getClassLoader())).getInstance(ExperimentRunner.class);
    }

    @SafeVarargs
    static Path run(String example, Path out, MetaTrainer.Listener listener, Map<String, String>... overrides)
    {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> map : overrides) {
            all.putAll(map);
        }
        return runner().run(ExperimentConfiguration.load(EXAMPLES.resolve(example), all), out, QUIET, listener);
    }

    /** SHA-256-free comparison material: every CSV table and summary.json of a run, by relative path. */
    static Map<String, String> results(Path run)
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = run.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".csv") || relative.equals("summary.json")) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
