package org.bomrl.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.Components;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.numerics.tabular.OptimalValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bomrl optimum ENV_NAME [--set k=v]…}: the exact optimal value J*_τ of every task, as JSON. */
@Command(name = "optimum", mixinStandardHelpOptions = true, description = "Print the exact optimal start-state value of every task of a tabular task distribution, as JSON.")
final class OptimumCommand
        implements Runnable
{
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ENV_NAME", description = "an environment factory name, e.g. env.frozenlake.paper-high-variance")
    String environment;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "an environment setting (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public void run()
    {
        Injector injector = Registries.injector();
        Components components = injector.getInstance(Components.class);
        EnvironmentFactory factory = components.environment("ENV_NAME", environment);
        Map<String, String> settings = new LinkedHashMap<>();
        Overrides.parse(overrides).forEach((key, value) -> settings.put("environment." + key.replaceFirst("^environment\\.", ""), value));
        ExperimentConfiguration config = ExperimentConfiguration.ofOverrides(settings);
        TaskDistribution<?, ?> distribution = components.create(factory, config.settings("environment", factory.settings()), RandomSource.seeded(0));
        config.checkNoUnknownKeys();
        ObjectNode result = RunDirectory.newObject();
        result.put("environment", environment);
        result.put("fingerprint", distribution.fingerprint());
        ArrayNode tasks = result.putArray("tasks");
        double sum = 0;
        List<? extends Task<?, ?>> all = distribution.testTasks();
        for (Task<?, ?> task : all) {
            TabularMdp mdp = task.exactModel().getOrElseThrow(() -> new InvalidSettingException(environment + ": task " + task.id() + " has no exact model"));
            double value = OptimalValues.of(mdp).value();
            sum += value;
            tasks.addObject().put("task", task.id()).put("optimalValue", value);
        }
        result.put("meanOptimalValue", sum / all.size());
        try {
            spec.commandLine().getOut().println(RunDirectory.json().writeValueAsString(result));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
