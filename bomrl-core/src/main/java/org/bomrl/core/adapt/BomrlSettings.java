package org.bomrl.core.adapt;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The parsed settings of {@code adapt.bomrl}.
 *
 * @param distance the registered name of the policy distance D_τ
 * @param lambda λ &gt; 0 of the penalised lower level (spec §2.1)
 * @param solver how the per-state problem is solved
 * @param hypergradient which hypergradient the meta-update uses
 * @param constraint penalised or trust-region lower level (spec §2.7)
 * @param delta δ &gt; 0, the trust-region radius
 * @param asCoded parameters of the paper's Alg(1) SGD solver
 * @param tolerance the generic solver's gradient tolerance (relative to 1 + max_a |Q(s,a)|)
 * @param maxIterations the generic solver's Newton iteration limit
 */
record BomrlSettings(String distance, double lambda, SolverChoice solver, HypergradientChoice hypergradient, ConstraintChoice constraint, double delta,
        AsCodedParameters asCoded, double tolerance, int maxIterations)
{
    /** Alg(1)'s distance, KL(π_φ‖π_θ). */
    static final String KL_PRIOR_ADAPTED = "distance.kl-prior-adapted";
    /** Alg(2)'s distance, KL(π_θ‖π_φ). */
    static final String KL_ADAPTED_PRIOR = "distance.kl-adapted-prior";

    BomrlSettings
    {
        requireNonNull(distance, "distance is null");
        requireNonNull(solver, "solver is null");
        requireNonNull(hypergradient, "hypergradient is null");
        requireNonNull(constraint, "constraint is null");
        requireNonNull(asCoded, "asCoded is null");
        if (!(lambda > 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be positive: " + lambda);
        }
        if (!(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("delta must be positive: " + delta);
        }
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
        }
    }

    static List<SettingSpec> specs()
    {
        return List.of(
                SettingSpec.of("distance", SettingType.STRING, KL_PRIOR_ADAPTED, "registered name of the policy distance D (spec §2.3)"),
                SettingSpec.of("lambda", SettingType.DOUBLE, "1.0", "regularisation weight λ > 0 of max S − λD (spec §2.1)"),
                SettingSpec.choice("solver", SolverChoice.AUTO.settingValue(),
                        "per-state solver: closed form if available (auto), exact, the paper's SGD (as-coded, Alg(1) only), or damped Newton (generic)",
                        SolverChoice.settingValues()),
                SettingSpec.choice("hypergradient", HypergradientChoice.IMPLICIT.settingValue(),
                        "meta-gradient: first-order (Jacobian = I, spec §3.7) or implicit differentiation (spec §3.2, §3.3)",
                        HypergradientChoice.settingValues()),
                SettingSpec.choice("constraint", ConstraintChoice.NONE.settingValue(), "none (max S − λD) or trust-region (max S s.t. D ≤ δ, spec §2.7)",
                        ConstraintChoice.settingValues()),
                SettingSpec.of("delta", SettingType.DOUBLE, "0.01", "trust-region radius δ > 0"),
                SettingSpec.of("as_coded_steps", SettingType.INTEGER, "20", "SGD steps of the as-coded Alg(1) solver"),
                SettingSpec.of("as_coded_learning_rate", SettingType.DOUBLE, "0.6", "SGD step size of the as-coded Alg(1) solver"),
                SettingSpec.of("as_coded_kl_factor", SettingType.DOUBLE, "4", "factor on the KL term of the as-coded Alg(1) loss (effective regulariser factor·λ)"),
                SettingSpec.of("as_coded_clip", SettingType.DOUBLE, "1e-4", "probabilities are clipped to [clip, 1] inside the as-coded KL's logs"),
                SettingSpec.of("tolerance", SettingType.DOUBLE, "1e-12", "generic solver: gradient-norm tolerance, relative to 1 + max|Q(s,·)|"),
                SettingSpec.of("max_iterations", SettingType.INTEGER, "100", "generic solver: Newton iterations per state"));
    }

    /**
     * Reads and validates the settings.
     *
     * @throws InvalidSettingException with a one-line message naming the key and the value
     */
    static BomrlSettings parse(Settings settings)
    {
        String scope = settings.scope();
        String distance = settings.getString("distance").trim();
        double lambda = positive(settings, "lambda", "λ > 0");
        SolverChoice solver = SettingChoice.parse(settings, "solver", SolverChoice.values());
        HypergradientChoice hypergradient = SettingChoice.parse(settings, "hypergradient", HypergradientChoice.values());
        ConstraintChoice constraint = SettingChoice.parse(settings, "constraint", ConstraintChoice.values());
        double delta = positive(settings, "delta", "δ > 0");
        int steps = settings.getInt("as_coded_steps");
        if (steps < 0) {
            throw invalid(scope, "as_coded_steps", steps, "a non-negative number of steps");
        }
        double learningRate = positive(settings, "as_coded_learning_rate", "a positive step size");
        double klFactor = positive(settings, "as_coded_kl_factor", "a positive factor");
        double clip = settings.getDouble("as_coded_clip");
        if (!(clip > 0 && clip < 1)) {
            throw invalid(scope, "as_coded_clip", clip, "a probability floor in (0, 1)");
        }
        double tolerance = positive(settings, "tolerance", "a positive tolerance");
        int maxIterations = settings.getInt("max_iterations");
        if (maxIterations < 1) {
            throw invalid(scope, "max_iterations", maxIterations, "a positive number of iterations");
        }
        if (solver == SolverChoice.EXACT && !distance.equals(KL_PRIOR_ADAPTED) && !distance.equals(KL_ADAPTED_PRIOR)) {
            throw new InvalidSettingException(scope + ".solver = 'exact' is invalid with distance '" + distance + "': a closed form exists only for "
                    + KL_PRIOR_ADAPTED + " and " + KL_ADAPTED_PRIOR + " (use generic)");
        }
        if (solver == SolverChoice.AS_CODED && !distance.equals(KL_PRIOR_ADAPTED)) {
            throw new InvalidSettingException(scope + ".solver = 'as-coded' is invalid with distance '" + distance + "': the paper's SGD solver is Alg(1)'s, "
                    + "distance " + KL_PRIOR_ADAPTED);
        }
        if (solver == SolverChoice.AS_CODED && constraint == ConstraintChoice.TRUST_REGION) {
            throw new InvalidSettingException(scope + ".solver = 'as-coded' is invalid with constraint 'trust-region': the trust-region search needs the "
                    + "exact per-state argmax (use exact, generic or auto)");
        }
        return new BomrlSettings(distance, lambda, solver, hypergradient, constraint, delta, new AsCodedParameters(steps, learningRate, klFactor, clip),
                tolerance, maxIterations);
    }

    /** Whether the per-state problem is solved by Alg(1)'s root-finding, Alg(2)'s closed form, the SGD or Newton. */
    SolverChoice effectiveSolver()
    {
        if (solver != SolverChoice.AUTO) {
            return solver;
        }
        return distance.equals(KL_PRIOR_ADAPTED) || distance.equals(KL_ADAPTED_PRIOR) ? SolverChoice.EXACT : SolverChoice.GENERIC;
    }

    private static double positive(Settings settings, String key, String expected)
    {
        double value = settings.getDouble(key);
        if (!(value > 0)) {
            throw invalid(settings.scope(), key, value, expected);
        }
        return value;
    }

    private static InvalidSettingException invalid(String scope, String key, Object value, String expected)
    {
        return new InvalidSettingException(scope + "." + key + " = '" + value + "' is invalid: expected " + expected);
    }
}
