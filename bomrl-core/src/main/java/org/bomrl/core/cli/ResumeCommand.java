package org.bomrl.core.cli;

import org.bomrl.core.experiment.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bomrl resume RUN_DIR}: continue a run from its checkpoints. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue an interrupted run from its checkpoints; the results equal an uninterrupted run's.")
final class ResumeCommand
        implements Runnable
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run directory written by 'bomrl run'")
    Path directory;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "change where the run executes: execution.* keys only, e.g. execution.backend=local (repeatable)")
    List<String> execution = new ArrayList<>();

    @Override
    public void run()
    {
        Path result = Registries.injector().getInstance(ExperimentRunner.class).resume(directory, Overrides.parse(execution), System.err, (row, checkpoint) -> {});
        spec.commandLine().getOut().println("results in " + result);
    }
}
