package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.GaussianAdaptation;
import io.vavr.control.Option;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Makes a {@link PolicyGradientStep}. The same factory serves two names that differ only in how
 * the meta-gradient order is spelled:
 * <ul>
 * <li>{@code adapt.pg} — the paper's "MAML" curve (spec §5a): PG steps from a given prior;
 * settings {@code step_size} (α, default 50) and {@code hypergradient}
 * ({@code first-order}|{@code second-order}, default {@code second-order}).</li>
 * <li>{@code adapt.maml} — genuinely meta-trained MAML (spec §7.1 item 6, §7.3): the same inner
 * step, meta-trained by core's generic loop; settings {@code step_size} (default 50) and
 * {@code order} ({@code first}|{@code second}, default {@code second}). On Gaussian policies it is
 * {@link GaussianMaml} with {@code gaussian_step_size} (α, default 0.1, the reference code's
 * fast-lr) and {@code inner_objective} ({@code reinforce}, the reference code's log-likelihood
 * loss, default; or {@code lvc}, the likelihood ratio), sharing {@code order}.</li>
 * </ul>
 */
final class PolicyGradientFactory
        implements AdaptationAlgorithmFactory
{
    static final String STEP_SIZE = "step_size";
    static final double DEFAULT_STEP_SIZE = 50;
    static final String GAUSSIAN_STEP_SIZE = "gaussian_step_size";
    static final double DEFAULT_GAUSSIAN_STEP_SIZE = 0.1;
    static final String INNER_OBJECTIVE = "inner_objective";

    private final String name;
    private final String description;
    private final String orderKey;
    private final String firstOrder;
    private final String secondOrder;
    private final boolean gaussian;

    /**
     * @param orderKey the setting that selects the meta-gradient order
     * @param firstOrder its value for {@link HypergradientOrder#FIRST}
     * @param secondOrder its value for {@link HypergradientOrder#SECOND}, the default
     */
    private PolicyGradientFactory(String name, String description, String orderKey, String firstOrder, String secondOrder, boolean gaussian)
    {
        this.gaussian = gaussian;
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.orderKey = requireNonNull(orderKey, "orderKey is null");
        this.firstOrder = requireNonNull(firstOrder, "firstOrder is null");
        this.secondOrder = requireNonNull(secondOrder, "secondOrder is null");
    }

    /** {@code adapt.pg}: the paper's "MAML" curve, PG steps from a given prior (spec §5a). */
    static PolicyGradientFactory policyGradient()
    {
        return new PolicyGradientFactory("adapt.pg",
                "one policy-gradient step θ = φ + α·h(φ) per round on the ν-normalised gradient (the paper's MAML curve)",
                "hypergradient", "first-order", "second-order", false);
    }

    /** {@code adapt.maml}: MAML's inner step with a first- or second-order meta-gradient (spec §7.3). */
    static PolicyGradientFactory maml()
    {
        return new PolicyGradientFactory("adapt.maml",
                "MAML: one policy-gradient inner step θ = φ + α·h(φ), meta-gradient of first or second order",
                "order", "first", "second", true);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public String description()
    {
        return description;
    }

    @Override
    public List<SettingSpec> settings()
    {
        List<SettingSpec> tabular = List.of(
                SettingSpec.of(STEP_SIZE, SettingType.DOUBLE, Double.toString(DEFAULT_STEP_SIZE),
                        "α > 0 of the step θ = φ + α·h(φ) on the ν-normalised policy gradient"),
                SettingSpec.choice(orderKey, secondOrder,
                        "meta-gradient through the step: " + firstOrder + " (h = g) or " + secondOrder + " (h = (I + α∇²Ŝ)ᵀg)",
                        firstOrder, secondOrder));
        if (!gaussian) {
            return tabular;
        }
        return List.of(tabular.get(0), tabular.get(1),
                SettingSpec.of(GAUSSIAN_STEP_SIZE, SettingType.DOUBLE, Double.toString(DEFAULT_GAUSSIAN_STEP_SIZE),
                        "α > 0 of the inner step θ = φ + α∇Ĵ(φ) on Gaussian policies"),
                SettingSpec.choice(INNER_OBJECTIVE, InnerObjective.REINFORCE.setting(),
                        "Ĵ on Gaussian policies: reinforce (mean Â log π, Hessian mean Â∇²log π) or lvc (mean Â π/π_data, unbiased Hessian at φ)",
                        InnerObjective.REINFORCE.setting(), InnerObjective.LIKELIHOOD_RATIO.setting()));
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        double stepSize = settings.getDouble(STEP_SIZE);
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw invalid(settings, STEP_SIZE, Double.toString(stepSize), "a positive finite decimal number");
        }
        String value = settings.getString(orderKey).trim();
        HypergradientOrder order;
        if (value.equals(firstOrder)) {
            order = HypergradientOrder.FIRST;
        }
        else if (value.equals(secondOrder)) {
            order = HypergradientOrder.SECOND;
        }
        else {
            throw invalid(settings, orderKey, value, "one of " + firstOrder + ", " + secondOrder);
        }
        if (!gaussian) {
            return new PolicyGradientStep(stepSize, order);
        }
        double gaussianStepSize = settings.getDouble(GAUSSIAN_STEP_SIZE);
        if (!(gaussianStepSize > 0) || Double.isInfinite(gaussianStepSize)) {
            throw invalid(settings, GAUSSIAN_STEP_SIZE, Double.toString(gaussianStepSize), "a positive finite decimal number");
        }
        String objectiveValue = settings.getString(INNER_OBJECTIVE);
        InnerObjective objective = InnerObjective.bySetting(objectiveValue);
        if (objective == null || objective == InnerObjective.SMOOTHED_RATIO) {
            throw invalid(settings, INNER_OBJECTIVE, objectiveValue, "one of " + InnerObjective.REINFORCE.setting() + ", " + InnerObjective.LIKELIHOOD_RATIO.setting());
        }
        GaussianAdaptation view = new GaussianMaml(new InnerStep(objective, gaussianStepSize), order, 1.0);
        return new PolicyGradientStep(stepSize, order, Option.some(view));
    }

    static InvalidSettingException invalid(Settings settings, String key, String parsed, String expected)
    {
        String value = settings.raw(key).getOrElse(parsed).trim();
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + value + "' (" + settings.source(key)
                + ") is invalid: expected " + expected);
    }

    @Override
    public String toString()
    {
        return name;
    }
}
