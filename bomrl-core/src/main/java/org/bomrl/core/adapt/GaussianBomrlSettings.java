package org.bomrl.core.adapt;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

/**
 * The settings of {@code adapt.bomrl} on Gaussian policies (spec §2.5, §3.5, defaults of §5b):
 * λ, the inner Adam learning rate and step count, the early stop D &gt; D_max, and the conjugate
 * gradient of the hypergradient (iterations, tolerance, damping).
 */
record GaussianBomrlSettings(double lambda, int innerSteps, double innerLearningRate, double maxDistance, int cgIterations, double cgTolerance, double cgDamping,
        NegativeCurvature negativeCurvature)
{
    static List<SettingSpec> specs()
    {
        return List.of(
                SettingSpec.of("inner_steps", SettingType.INTEGER, "50", "Gaussian policies: Adam steps of the lower level (spec §2.5)"),
                SettingSpec.of("inner_learning_rate", SettingType.DOUBLE, "1e-3", "Gaussian policies: Adam learning rate of the lower level"),
                SettingSpec.of("max_distance", SettingType.DOUBLE, "3.0", "Gaussian policies: stop the lower level early when D(θ, φ) exceeds this"),
                SettingSpec.of("cg_iterations", SettingType.INTEGER, "10", "Gaussian policies: conjugate-gradient iterations of the hypergradient (spec §3.5 step 6)"),
                SettingSpec.of("cg_tolerance", SettingType.DOUBLE, "1e-10", "Gaussian policies: conjugate-gradient residual tolerance"),
                SettingSpec.of("cg_damping", SettingType.DOUBLE, "0", "Gaussian policies: damping δ ≥ 0 added to the Hessian (the authors use none)"),
                SettingSpec.of("cg_negative_curvature", SettingType.STRING, "truncate",
                        "Gaussian policies: when CG meets pᵀHp < 0, 'truncate' keeps the iterate before it, 'continue' goes on as plain CG (the authors' solver), 'fail' stops the run; counted in the diagnostics"));
    }

    static GaussianBomrlSettings parse(Settings settings)
    {
        GaussianBomrlSettings parsed = new GaussianBomrlSettings(settings.getDouble("lambda"), settings.getInt("inner_steps"), settings.getDouble("inner_learning_rate"),
                settings.getDouble("max_distance"), settings.getInt("cg_iterations"), settings.getDouble("cg_tolerance"), settings.getDouble("cg_damping"),
                negativeCurvature(settings));
        String scope = settings.scope();
        if (parsed.innerSteps < 0) {
            throw new InvalidSettingException(scope + ".inner_steps = " + parsed.innerSteps + " is invalid: must be ≥ 0");
        }
        if (!(parsed.innerLearningRate > 0) || Double.isInfinite(parsed.innerLearningRate)) {
            throw new InvalidSettingException(scope + ".inner_learning_rate = " + parsed.innerLearningRate + " is invalid: must be positive and finite");
        }
        if (!(parsed.maxDistance > 0)) {
            throw new InvalidSettingException(scope + ".max_distance = " + parsed.maxDistance + " is invalid: must be positive");
        }
        if (parsed.cgIterations < 1) {
            throw new InvalidSettingException(scope + ".cg_iterations = " + parsed.cgIterations + " is invalid: must be ≥ 1");
        }
        if (!(parsed.cgTolerance >= 0) || Double.isInfinite(parsed.cgTolerance)) {
            throw new InvalidSettingException(scope + ".cg_tolerance = " + parsed.cgTolerance + " is invalid: must be non-negative and finite");
        }
        if (!(parsed.cgDamping >= 0) || Double.isInfinite(parsed.cgDamping)) {
            throw new InvalidSettingException(scope + ".cg_damping = " + parsed.cgDamping + " is invalid: must be non-negative and finite");
        }
        return parsed;
    }

    private static NegativeCurvature negativeCurvature(Settings settings)
    {
        String value = settings.getString("cg_negative_curvature").trim();
        return switch (value) {
            case "truncate" -> NegativeCurvature.TRUNCATE;
            case "continue" -> NegativeCurvature.CONTINUE;
            case "fail" -> NegativeCurvature.FAIL;
            default -> throw new InvalidSettingException(settings.scope() + ".cg_negative_curvature = '" + value + "' is invalid: expected truncate, continue or fail");
        };
    }

    /** What the hypergradient's conjugate gradient does at a direction of negative curvature of ∇²(D + L/λ). */
    enum NegativeCurvature
    {
        /** Keep the iterate before it (a truncated Newton direction). */
        TRUNCATE,
        /** Go on with the plain recurrence (α &lt; 0), as the authors' solver does (spec §3.5 step 6). */
        CONTINUE,
        /** Stop the run with an error. */
        FAIL
    }
}
