package org.bomrl.baselines;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code optimizer.promp-epochs}: ProMP's outer optimiser ({@link ProMpEpochs}, spec §7.3).
 * Settings: {@code epochs} K (default 5), {@code learning_rate} (Adam, 1e-3), {@code kl_penalty}
 * η (initial or fixed, 5e-4), {@code kl_rule} ({@code fixed} default, or {@code adaptive}: halve
 * below target/1.5, double above 1.5·target), {@code kl_target} (0.01).
 */
final class ProMpEpochsFactory
        implements OuterOptimizerFactory
{
    static final String NAME = "optimizer.promp-epochs";
    static final String EPOCHS = "epochs";
    static final String LEARNING_RATE = "learning_rate";
    static final String KL_PENALTY = "kl_penalty";
    static final String KL_RULE = "kl_rule";
    static final String KL_TARGET = "kl_target";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "ProMP's outer step: K Adam epochs on the clipped surrogate plus η·KL(π_φo‖π_φ), η fixed or adaptive (spec §7.3)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of(EPOCHS, SettingType.INTEGER, "5", "K ≥ 1 Adam epochs per meta-iteration on the same samples"),
                SettingSpec.of(LEARNING_RATE, SettingType.DOUBLE, "0.001", "Adam step size > 0"),
                SettingSpec.of(KL_PENALTY, SettingType.DOUBLE, "0.0005", "η ≥ 0 on the mean KL(π_φo‖π_φ) (the initial value under the adaptive rule)"),
                SettingSpec.choice(KL_RULE, "fixed", "fixed η, or adaptive (halve if KL < target/1.5, double if KL > 1.5·target)", "fixed", "adaptive"),
                SettingSpec.of(KL_TARGET, SettingType.DOUBLE, "0.01", "target mean KL > 0 of the adaptive rule"));
    }

    @Override
    public OuterOptimizerSpec create(Settings settings, RunContext context)
    {
        requireNonNull(settings, "settings is null");
        int epochs = settings.getInt(EPOCHS);
        if (epochs < 1) {
            throw PolicyGradientFactory.invalid(settings, EPOCHS, Integer.toString(epochs), "an integer ≥ 1");
        }
        double learningRate = settings.getDouble(LEARNING_RATE);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw PolicyGradientFactory.invalid(settings, LEARNING_RATE, Double.toString(learningRate), "a positive finite decimal number");
        }
        double klPenalty = settings.getDouble(KL_PENALTY);
        if (!(klPenalty >= 0) || Double.isInfinite(klPenalty)) {
            throw PolicyGradientFactory.invalid(settings, KL_PENALTY, Double.toString(klPenalty), "a non-negative finite decimal number");
        }
        String rule = settings.getString(KL_RULE).trim();
        boolean adaptive = switch (rule) {
            case "fixed" -> false;
            case "adaptive" -> true;
            default -> throw PolicyGradientFactory.invalid(settings, KL_RULE, rule, "one of fixed, adaptive");
        };
        double klTarget = settings.getDouble(KL_TARGET);
        if (!(klTarget > 0) || Double.isInfinite(klTarget)) {
            throw PolicyGradientFactory.invalid(settings, KL_TARGET, Double.toString(klTarget), "a positive finite decimal number");
        }
        return dimension -> new ProMpEpochs(dimension, epochs, learningRate, klPenalty, adaptive, klTarget);
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
