package org.bomrl.core.cli;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.core.config.Suggestions;
import org.bomrl.core.experiment.BoundSettings;
import org.bomrl.core.experiment.Components;
import org.bomrl.core.experiment.EstimationSettings;
import org.bomrl.core.experiment.ExperimentSettings;
import org.bomrl.core.experiment.MetaTestSettings;
import org.bomrl.core.experiment.MetaTrainSettings;
import org.bomrl.core.experiment.Methods;
import org.bomrl.core.experiment.SeedsSettings;
import org.bomrl.core.plugin.FactoryKind;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.plugin.RegisteredFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code bomrl describe NAME}: a factory's settings, or the experiment file's own sections. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show the settings of a factory (with types and defaults), or of 'experiment' files.")
final class DescribeCommand
        implements Runnable
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "a factory name (see 'bomrl plugins') or 'experiment'")
    String name;

    @Override
    public void run()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (name.equals("experiment")) {
            describeExperiment(out);
            return;
        }
        PluginRegistry registry = Registries.injector().getInstance(PluginRegistry.class);
        Optional<RegisteredFactory> factory = registry.find(name);
        if (factory.isEmpty()) {
            List<String> names = new ArrayList<>(registry.all().stream().map(RegisteredFactory::name).toList());
            names.add("experiment");
            throw new InvalidSettingException("'" + name + "' is not a registered factory" + Suggestions.didYouMean(name, names) + "; see 'bomrl plugins'");
        }
        RegisteredFactory registered = factory.get();
        out.println(registered.name() + " (" + registered.kind().label() + "): " + registered.factory().description());
        out.println("  from " + registered.origin() + ", version " + registered.version());
        section(out, "settings (keys " + slice(registered.kind(), registered.name()) + ")", registered.factory().settings());
    }

    /** Where an experiment file sets the settings of a factory of {@code kind} named {@code name}. */
    private static String slice(FactoryKind kind, String name)
    {
        return switch (kind) {
            case ENVIRONMENT -> "environment.<key>";
            case DISTANCE -> "distance." + name + ".<key>";
            case ADAPTATION -> "method.<id>.adaptation.<key>";
            case COMPARATOR -> "comparator." + name + ".<key>";
            case OPTIMIZER -> MetaTrainSettings.SCOPE + ".optimizer.<key> or method.<id>." + MetaTrainSettings.SCOPE + ".optimizer.<key>";
            case POLICY -> "policy.<key>";
            case REPORT -> Components.REPORT_SCOPE + "." + name + ".<key>";
        };
    }

    private static void describeExperiment(PrintWriter out)
    {
        out.println("An experiment file is a .properties file; 'bomrl run FILE --set key=value' overrides any key.");
        out.println("Selectors: environment = <env name>; methods = <id>, <id>, ...; method.<id>.adaptation = <adapt name>;");
        out.println("  meta_train.optimizer = <optimizer name> (every method's), method.<id>.meta_train.optimizer = <optimizer name> (one method's own);");
        out.println("  execution.backend = local or a backend on the class path (execution.<key> its settings).");
        out.println("Component slices: environment.<key>, method.<id>.adaptation.<key>, method.<id>.train.<key> (meta-training overrides),");
        out.println("  method.<id>.bound.adaptation.<key> (bound-recipe overrides), comparator.<compare name>.<key>,");
        out.println("  distance.<distance name>.<key>, report.<report writer name>.<key> (writers listed in experiment.report_writers).");
        out.println("Also: experiment.base_directory (relative paths resolve against it; default: the file's directory),");
        out.println("  suite.experiments = <file>, <file>, ... (experiment.type = suite),");
        out.println("  seeds.<key> and seeds.member.<key> = v (experiment.type = seeds, below).");
        section(out, "experiment.<key>", ExperimentSettings.SPECS);
        section(out, "estimation.<key>", EstimationSettings.SPECS);
        section(out, "meta_train.<key>", MetaTrainSettings.SPECS);
        section(out, "meta_test.<key>", MetaTestSettings.SPECS);
        section(out, "method.<id>.<key>", Methods.SPECS);
        section(out, "method.<id>.bound.<key>", BoundSettings.SPECS);
        section(out, "seeds.<key>", SeedsSettings.SPECS);
    }

    private static void section(PrintWriter out, String title, List<SettingSpec> specs)
    {
        out.println(title + ":");
        if (specs.isEmpty()) {
            out.println("  (none)");
        }
        for (SettingSpec setting : specs) {
            String type = setting.choices().isEmpty() ? setting.type().name().toLowerCase(java.util.Locale.ROOT) : "one of " + String.join("|", setting.choices());
            out.printf("  %-26s %-34s default %-14s %s%n", setting.key(), type, setting.defaultValue().map(value -> value.isEmpty() ? "''" : value).orElse("(required)"),
                    setting.description());
        }
    }
}
