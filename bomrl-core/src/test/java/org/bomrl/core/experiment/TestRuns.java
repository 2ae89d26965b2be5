package org.bomrl.core.experiment;

import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs experiments in tests exactly as the CLI does, with the plugins on the test class path and no progress output. */
final class TestRuns
{
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private TestRuns() {}

    static ExperimentRunner runner()
    {
        return Injection.create(PluginRegistry.load(TestRuns.class.getClassLoader())).getInstance(ExperimentRunner.class);
    }

    static ExperimentPlanner planner()
    {
        return Injection.create(PluginRegistry.load(TestRuns.class.getClassLoader())).getInstance(ExperimentPlanner.class);
    }

    /** Writes {@code experiment} to {@code directory/name.properties} and runs it into {@code directory/name}. */
    static Path run(Path directory, String name, String experiment)
            throws IOException
    {
        Path file = directory.resolve(name + ".properties");
        Files.writeString(file, experiment);
        return runner().run(ExperimentConfiguration.load(file, Map.of()), directory.resolve(name), QUIET, (row, checkpoint) -> {});
    }
}
