package org.bomrl.core.optim;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.numerics.optim.Adam;

import java.util.List;

/** {@code optimizer.adam}: Adam gradient ascent on ĝ (spec §3.1, §5a), the tabular default. */
public final class AdamFactory
        implements OuterOptimizerFactory
{
    public static final String NAME = "optimizer.adam";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "Adam gradient ascent on the mean meta-gradient (spec §3.1)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("learning_rate", SettingType.DOUBLE, "0.03", "step size η"),
                SettingSpec.of("beta1", SettingType.DOUBLE, Double.toString(Adam.DEFAULT_BETA_ONE), "first-moment decay β₁ in [0, 1)"),
                SettingSpec.of("beta2", SettingType.DOUBLE, Double.toString(Adam.DEFAULT_BETA_TWO), "second-moment decay β₂ in [0, 1)"),
                SettingSpec.of("epsilon", SettingType.DOUBLE, Double.toString(Adam.DEFAULT_EPSILON), "ε > 0 added to √v̂"));
    }

    @Override
    public OuterOptimizerSpec create(Settings settings, RunContext context)
    {
        double learningRate = settings.getDouble("learning_rate");
        double betaOne = settings.getDouble("beta1");
        double betaTwo = settings.getDouble("beta2");
        double epsilon = settings.getDouble("epsilon");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSettingException(settings.scope() + ".learning_rate = " + learningRate + " is invalid: must be positive and finite");
        }
        if (!(betaOne >= 0 && betaOne < 1) || !(betaTwo >= 0 && betaTwo < 1)) {
            throw new InvalidSettingException(settings.scope() + ": beta1 = " + betaOne + ", beta2 = " + betaTwo + " are invalid: each must be in [0, 1)");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InvalidSettingException(settings.scope() + ".epsilon = " + epsilon + " is invalid: must be positive and finite");
        }
        return dimension -> new AdamAscent(dimension, learningRate, betaOne, betaTwo, epsilon);
    }
}
