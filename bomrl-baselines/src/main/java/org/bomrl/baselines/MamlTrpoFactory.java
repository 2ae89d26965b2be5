package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.GaussianAdaptation;
import io.vavr.control.Option;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code adapt.maml-trpo} on Gaussian policies (spec §7.3 MAML-TRPO), a {@link GaussianMaml} whose
 * outer step is {@code meta_train.optimizer = optimizer.trpo} on the post-update surrogate
 * ℓ(φ) = (1/B) Σ_τ −g_τ·θ_τ(φ). Settings:
 * <ul>
 * <li>{@code variant}: {@code paper} (default; the authors' own MAML-TRPO of the MuJoCo figure:
 * smoothed surrogate inner step θ = φ − α∇L(φ), L = −mean(Â·2σ(2r−2)), second order, meta-test α
 * in round 1 and α/2 later) or {@code classic} (the pytorch-maml-rl settings: log-likelihood
 * inner loss, the same α every round, every batch's advantages standardised
 * ({@link StandardisedAdvantages}, as its sampler does); its outer settings are {@code meta_train.optimizer.damping =
 * 1e-5}, {@code backtracks = 15}, {@code shrink = 0.8}, {@code meta_train.tasks_per_iteration = 40},
 * see {@code examples/continuous/baselines-navigation-2d.properties});</li>
 * <li>{@code step_size}: α (default 0.1, both variants);</li>
 * <li>{@code order}: {@code second} (default) or {@code first}.</li>
 * </ul>
 */
final class MamlTrpoFactory
        implements AdaptationAlgorithmFactory
{
    static final String NAME = "adapt.maml-trpo";
    static final String VARIANT = "variant";
    static final String STEP_SIZE = "step_size";
    static final String ORDER = "order";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "MAML-TRPO: one inner step θ = φ + α∇Ĵ(φ) on Gaussian policies, outer TRPO on the post-update surrogate (spec §7.3)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.choice(VARIANT, "paper", "paper (smoothed inner surrogate, test α then α/2) or classic (pytorch-maml-rl: log-likelihood inner loss, standardised advantages)",
                        "paper", "classic"),
                SettingSpec.of(STEP_SIZE, SettingType.DOUBLE, "0.1", "α > 0 of the inner step"),
                SettingSpec.choice(ORDER, "second", "meta-gradient through the inner step: first (h = g) or second (h = (I + α∇²Ĵ)ᵀg)", "first", "second"));
    }

    @Override
    public AdaptationAlgorithm create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        String variant = settings.getString(VARIANT).trim();
        InnerObjective objective;
        double laterRoundFactor;
        if (variant.equals("paper")) {
            objective = InnerObjective.SMOOTHED_RATIO;
            laterRoundFactor = 0.5;
        }
        else if (variant.equals("classic")) {
            objective = InnerObjective.REINFORCE;
            laterRoundFactor = 1.0;
        }
        else {
            throw PolicyGradientFactory.invalid(settings, VARIANT, variant, "one of paper, classic");
        }
        double stepSize = settings.getDouble(STEP_SIZE);
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw PolicyGradientFactory.invalid(settings, STEP_SIZE, Double.toString(stepSize), "a positive finite decimal number");
        }
        HypergradientOrder order = Orders.parse(settings, ORDER);
        GaussianAdaptation maml = new GaussianMaml(new InnerStep(objective, stepSize), order, laterRoundFactor);
        GaussianAdaptation view = variant.equals("classic") ? new StandardisedAdvantages(maml) : maml;
        return new AdaptationAlgorithm()
        {
            @Override
            public Option<GaussianAdaptation> gaussian()
            {
                return Option.some(view);
            }

            @Override
            public String toString()
            {
                return NAME + "[" + view + "]";
            }
        };
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
