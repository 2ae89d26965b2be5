package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.train.BoundRecipe;

import java.util.List;

/**
 * A method's {@code bound.*} section: the dashed "upper bound" line of the paper's gap panels,
 * computed by the recipe of spec §4 — π̂*_τ ≈ {@code rounds} successive adaptation rounds from π_φ
 * (with the {@code bound.adaptation.*} overrides, e.g. λ = 0.1), KL̄ = mean_τ Σ_s ν_φ(s) KL_s in the
 * chosen {@code direction} with the probabilities clipped to [{@code clip}, 1], line = {@code factor} · KL̄
 * ({@link BoundRecipe}).
 */
public record BoundSettings(boolean enabled, int rounds, double factor, BoundRecipe.Direction direction, double clip)
{
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.choice("type", "none", "bound line: none or kl-recipe (spec §4 recipe)", "none", "kl-recipe"),
            SettingSpec.of("rounds", SettingType.INTEGER, "10", "adaptation rounds approximating the task optimum π̂*"),
            SettingSpec.of("factor", SettingType.DOUBLE, "0.9", "line = factor · KL̄ (0.9 or 0.45 in the paper's script)"),
            SettingSpec.choice("direction", "optimum-prior", "KL(π̂*‖π_φ) (optimum-prior, the Alg(1) recipe) or KL(π_φ‖π̂*) (prior-optimum, Alg(2))",
                    "optimum-prior", "prior-optimum"),
            SettingSpec.of("clip", SettingType.DOUBLE, "1e-4", "probabilities are clipped to [clip, 1] before the logs"));

    public static BoundSettings parse(Settings settings)
    {
        BoundSettings result = new BoundSettings(settings.getString("type").equals("kl-recipe"), settings.getInt("rounds"), settings.getDouble("factor"),
                BoundRecipe.Direction.valueOf(settings.getString("direction").toUpperCase(java.util.Locale.ROOT).replace('-', '_')), settings.getDouble("clip"));
        if (result.rounds < 1) {
            throw invalid(settings, "rounds", "a positive number of rounds");
        }
        if (!(result.factor > 0)) {
            throw invalid(settings, "factor", "a positive factor");
        }
        if (!(result.clip > 0 && result.clip < 1)) {
            throw invalid(settings, "clip", "a probability floor in (0, 1)");
        }
        return result;
    }

    private static InvalidSettingException invalid(Settings settings, String key, String expected)
    {
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + settings.raw(key).getOrElse("") + "' (" + settings.source(key) + ") is invalid: expected "
                + expected);
    }
}
