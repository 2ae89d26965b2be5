package org.bomrl.core.experiment;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.config.ExperimentConfiguration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The outer optimiser of each meta-trained method (spec §3.1 step "φ ← OuterOptimizer(φ, ĝ)"):
 * the experiment's {@code meta_train.optimizer} (default {@code optimizer.adam}) with its
 * {@code meta_train.optimizer.*} settings, unless the method gives keys of the same shapes under
 * {@code method.<id>.meta_train.optimizer}. A method that names another optimiser takes only its
 * own settings of that optimiser; a method that gives settings without a name keeps the
 * experiment's optimiser with those settings laid over the experiment's. The method-level keys are
 * claimed only when given, so configurations without them have the same effective configuration
 * (and plan hash) as before; when given they are part of it, and a rebuilt run sees them too.
 */
final class MethodOptimizers
{
    private final OuterOptimizerSpec experiment;
    private final Map<String, OuterOptimizerSpec> overrides;

    private MethodOptimizers(OuterOptimizerSpec experiment, Map<String, OuterOptimizerSpec> overrides)
    {
        this.experiment = requireNonNull(experiment, "experiment is null");
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Reads every method's {@code method.<id>.meta_train.optimizer*} (bad names and settings fail
     * here) beside the experiment's optimiser {@code experimentFactory} / {@code experiment}, read
     * from {@code meta_train.optimizer*}.
     */
    static MethodOptimizers parse(ExperimentConfiguration config, Components components, OuterOptimizerFactory experimentFactory, OuterOptimizerSpec experiment,
            List<MethodSpec> methods, RandomSource random)
    {
        String experimentKey = MetaTrainSettings.SCOPE + ".optimizer";
        Map<String, OuterOptimizerSpec> overrides = new LinkedHashMap<>();
        for (MethodSpec method : methods) {
            String key = key(method.id());
            if (config.value(key).isEmpty() && config.keysUnder(key).isEmpty()) {
                continue;
            }
            String name = config.value(key).isPresent() ? config.selector(key, Optional.empty()) : experimentFactory.name();
            OuterOptimizerFactory factory = components.optimizer(key, name);
            MapSettings settings = factory.name().equals(experimentFactory.name())
                    ? config.overlaid(experimentKey, key, factory.settings())
                    : config.settings(key, factory.settings());
            overrides.put(method.id(), components.create(factory, settings, random));
        }
        return new MethodOptimizers(experiment, overrides);
    }

    /** {@code method.<id>.meta_train.optimizer}: the selector key of a method's own outer optimiser. */
    static String key(String methodId)
    {
        return "method." + methodId + "." + MetaTrainSettings.SCOPE + ".optimizer";
    }

    /** The outer optimiser that meta-trains {@code method}. */
    OuterOptimizerSpec of(MethodSpec method)
    {
        return overrides.getOrDefault(method.id(), experiment);
    }
}
