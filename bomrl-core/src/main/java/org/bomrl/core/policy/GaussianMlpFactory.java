package org.bomrl.core.policy;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.api.policy.PolicyClassSpec;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code policy.gaussian-mlp}: a diagonal Gaussian policy whose mean is an MLP with the given
 * hidden sizes and activation (none: linear-Gaussian) and whose log-std is state-independent
 * (spec §5b: 128×128 tanh, log σ₀ = −0.7).
 */
public final class GaussianMlpFactory
        implements PolicyClassFactory
{
    public static final String NAME = "policy.gaussian-mlp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "Gaussian MLP policy: mean MLP(s), state-independent log-std (spec §5b)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("hidden_sizes", SettingType.STRING, "128,128", "hidden layer sizes, comma-separated ('none': linear-Gaussian)"),
                SettingSpec.of("activation", SettingType.STRING, "tanh", "hidden activation: " + String.join(", ", names())),
                SettingSpec.of("initial_log_std", SettingType.DOUBLE, Double.toString(GaussianMlpPolicy.DEFAULT_INITIAL_LOG_STD), "log σ at initialisation"));
    }

    @Override
    public PolicyClassSpec create(Settings settings, RunContext context)
    {
        String scope = settings.scope();
        String sizes = settings.getString("hidden_sizes").trim();
        int[] hidden;
        try {
            hidden = sizes.equals("none") || sizes.isEmpty() ? new int[0] : Arrays.stream(sizes.split("\\s*,\\s*")).mapToInt(Integer::parseInt).toArray();
        }
        catch (NumberFormatException e) {
            throw new InvalidSettingException(scope + ".hidden_sizes = '" + sizes + "' is invalid: expected positive integers separated by commas, or none");
        }
        if (Arrays.stream(hidden).anyMatch(size -> size < 1)) {
            throw new InvalidSettingException(scope + ".hidden_sizes = '" + sizes + "' is invalid: every size must be ≥ 1");
        }
        String activationName = settings.getString("activation").trim();
        Activation activation = Arrays.stream(Activation.values()).filter(value -> value.name().equalsIgnoreCase(activationName)).findFirst()
                .orElseThrow(() -> new InvalidSettingException(scope + ".activation = '" + activationName + "' is invalid: expected one of " + String.join(", ", names())));
        double logStd = settings.getDouble("initial_log_std");
        if (!Double.isFinite(logStd)) {
            throw new InvalidSettingException(scope + ".initial_log_std = " + logStd + " is invalid: must be finite");
        }
        return (observations, actions) -> new GaussianMlpPolicy(observations, actions, hidden, activation, logStd);
    }

    private static List<String> names()
    {
        return Arrays.stream(Activation.values()).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }
}
