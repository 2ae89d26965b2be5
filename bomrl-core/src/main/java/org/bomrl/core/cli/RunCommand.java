package org.bomrl.core.cli;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentSettings;
import org.bomrl.core.experiment.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bomrl run FILE [--set k=v]… [--out DIR]}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment file; results go to a new run directory.")
final class RunCommand
        implements Runnable
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "experiment .properties file")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the experiment file (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default runs/<experiment.name>); must not hold a run already")
    Path out;

    @Option(names = "--dry-run", description = "check the whole configuration (every member of a suite) and print the effective configuration; run nothing")
    boolean dryRun;

    @Override
    public void run()
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file, Overrides.parse(overrides));
        if (dryRun) {
            Registries.injector().getInstance(ExperimentRunner.class).check(config)
                    .forEach((key, value) -> spec.commandLine().getOut().println(key + " = " + value));
            return;
        }
        Path directory = out != null ? out : ExperimentRunner.defaultDirectory(config);
        if (out == null && config.value(ExperimentSettings.SCOPE + ".name").orElse("experiment").trim().matches("\\.*")) {
            throw new InvalidSettingException(config.source(ExperimentSettings.SCOPE + ".name") + ": experiment.name = '" + config.value(ExperimentSettings.SCOPE + ".name").orElse("")
                    + "' cannot name a run directory under runs/; use letters, digits, '.', '_' or '-', or give --out");
        }
        Path result = Registries.injector().getInstance(ExperimentRunner.class).run(config, directory, System.err, (row, checkpoint) -> {});
        spec.commandLine().getOut().println("results in " + result);
    }
}
