package org.bomrl.core.optim;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.numerics.optim.TrustRegionStepParameters;

import java.util.List;

/** {@code optimizer.trpo}: the TRPO outer step of spec §3.5 step 8 with the authors' defaults (§5b). */
public final class TrustRegionFactory
        implements OuterOptimizerFactory
{
    public static final String NAME = "optimizer.trpo";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "TRPO step on the meta surrogate: natural gradient by CG on the Fisher matrix, KL radius, backtracking line search (spec §3.5)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of(
                SettingSpec.of("max_kl", SettingType.DOUBLE, "0.01", "KL radius δ of the full step (0.03 for Half-Cheetah direction, spec §5b)"),
                SettingSpec.of("cg_iterations", SettingType.INTEGER, Integer.toString(TrustRegionStepParameters.DEFAULT_CONJUGATE_GRADIENT_ITERATIONS),
                        "conjugate-gradient iterations of the natural-gradient direction"),
                SettingSpec.of("cg_tolerance", SettingType.DOUBLE, Double.toString(TrustRegionStepParameters.DEFAULT_CONJUGATE_GRADIENT_TOLERANCE),
                        "conjugate-gradient residual tolerance"),
                SettingSpec.of("damping", SettingType.DOUBLE, "0", "damping added to the Fisher matrix (the authors use none)"),
                SettingSpec.of("backtracks", SettingType.INTEGER, Integer.toString(TrustRegionStepParameters.DEFAULT_BACKTRACKING_STEPS), "line-search trials"),
                SettingSpec.of("accept_ratio", SettingType.DOUBLE, Double.toString(TrustRegionStepParameters.DEFAULT_ACCEPT_RATIO),
                        "accept a trial when actual / expected improvement exceeds this"),
                SettingSpec.of("shrink", SettingType.DOUBLE, Double.toString(TrustRegionStepParameters.DEFAULT_SHRINK_FACTOR), "backtracking factor"));
    }

    @Override
    public OuterOptimizerSpec create(Settings settings, RunContext context)
    {
        TrustRegionStepParameters parameters;
        try {
            parameters = new TrustRegionStepParameters(settings.getDouble("max_kl"), settings.getInt("cg_iterations"), settings.getDouble("cg_tolerance"),
                    settings.getDouble("damping"), settings.getInt("backtracks"), settings.getDouble("accept_ratio"), settings.getDouble("shrink"));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidSettingException(settings.scope() + ": " + e.getMessage());
        }
        return dimension -> new TrustRegionAscent(dimension, parameters);
    }
}
