package org.bomrl.metrics.compare;

import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

/** The built-in optimality comparators of spec §1.3. */
public final class BuiltInComparators
{
    private static final String ALG2 = "alg2";
    private static final String METHOD = "method";

    private static final List<SettingSpec> META_PARAMETER_SETTINGS = List.of(
            SettingSpec.of("iterations", SettingType.INTEGER, "2000", "Adam ascent steps per start"),
            SettingSpec.of("learning_rate", SettingType.DOUBLE, "0.1", "Adam learning rate on the shared logits"),
            SettingSpec.of("restarts", SettingType.INTEGER, "4", "starts: the uniform policy and restarts − 1 random ones"),
            SettingSpec.of("seed", SettingType.LONG, "0", "seed of the random starts"));

    private static final List<SettingSpec> ADAPTED_META_PARAMETER_SETTINGS = List.of(
            SettingSpec.choice("algorithm", ALG2, "the adaptation the meta-parameter is scored after: alg2 (one exact Alg(2) step with lambda) or method"
                    + " (the compared method's own meta-test algorithm, its distance and λ; reported per method)", ALG2, METHOD),
            SettingSpec.of("lambda", SettingType.DOUBLE, "0.2", "λ of the Alg(2) step the meta-parameter is adapted with (algorithm = alg2 only)"),
            SettingSpec.of("iterations", SettingType.INTEGER, "500", "Adam ascent steps per start"),
            SettingSpec.of("learning_rate", SettingType.DOUBLE, "0.1", "Adam learning rate on the meta-parameter's logits"),
            SettingSpec.of("restarts", SettingType.INTEGER, "4", "starts: the uniform policy and restarts − 1 random ones"),
            SettingSpec.of("seed", SettingType.LONG, "0", "seed of the random starts"));

    private BuiltInComparators() {}

    /** Factories named {@code compare.all-task-optimum}, {@code compare.meta-parameter} and {@code compare.meta-parameter-adapted}. */
    public static List<OptimalityComparatorFactory> factories()
    {
        return List.of(
                new ComparatorFactory(AllTaskOptimumComparator.NAME, "each task's own optimal value J*_τ, exact from its tabular model",
                        List.of(), settings -> new AllTaskOptimumComparator()),
                new ComparatorFactory(MetaParameterComparator.NAME,
                        "J_τ of the best single shared tabular softmax policy (no adaptation), by exact-gradient ascent with restarts",
                        META_PARAMETER_SETTINGS, BuiltInComparators::metaParameter),
                new ComparatorFactory(AdaptedMetaParameterComparator.NAME,
                        "J_τ after one exact adaptation step from the best meta-parameter, max_φ mean_τ J_τ(Alg(π_φ, λ, τ)), by exact-hypergradient ascent with"
                                + " restarts; Alg is Alg(2) or, with algorithm = method, each compared method's own algorithm (its derivatives by finite differences"
                                + " where it gives no exact ones: slower and approximate)",
                        ADAPTED_META_PARAMETER_SETTINGS, BuiltInComparators::adaptedMetaParameter));
    }

    private static OptimalityComparator metaParameter(Settings settings)
    {
        int iterations = settings.getInt("iterations");
        double learningRate = settings.getDouble("learning_rate");
        int restarts = settings.getInt("restarts");
        long seed = settings.getLong("seed");
        if (iterations < 1) {
            throw invalid(settings, "iterations", iterations, "a positive integer");
        }
        if (!(learningRate > 0)) {
            throw invalid(settings, "learning_rate", learningRate, "a positive number");
        }
        if (restarts < 1) {
            throw invalid(settings, "restarts", restarts, "a positive integer");
        }
        return new MetaParameterComparator(iterations, learningRate, restarts, seed);
    }

    private static OptimalityComparator adaptedMetaParameter(Settings settings)
    {
        String algorithm = settings.getString("algorithm").trim();
        int iterations = settings.getInt("iterations");
        double learningRate = settings.getDouble("learning_rate");
        int restarts = settings.getInt("restarts");
        if (iterations < 1) {
            throw invalid(settings, "iterations", iterations, "a positive integer");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw invalid(settings, "learning_rate", learningRate, "a positive finite number");
        }
        if (restarts < 1) {
            throw invalid(settings, "restarts", restarts, "a positive integer");
        }
        AscentSettings ascent = new AscentSettings(iterations, learningRate, restarts, settings.getLong("seed"));
        if (algorithm.equals(METHOD)) {
            if (settings.raw("lambda").isDefined()) {
                throw invalid(settings, "lambda", settings.getDouble("lambda"), "no lambda with algorithm = method (the method's own λ is used); remove it or set algorithm = "
                        + ALG2);
            }
            return new OwnAlgorithmMetaParameterComparator(ascent);
        }
        if (!algorithm.equals(ALG2)) {
            throw invalid(settings, "algorithm", algorithm, ALG2 + " or " + METHOD);
        }
        double lambda = settings.getDouble("lambda");
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw invalid(settings, "lambda", lambda, "a positive finite number");
        }
        return new AdaptedMetaParameterComparator(lambda, iterations, learningRate, restarts, settings.getLong("seed"));
    }

    private static InvalidSettingException invalid(Settings settings, String key, Object value, String expected)
    {
        return new InvalidSettingException(settings.scope() + "." + key + " = '" + value + "' (" + settings.source(key) + ") is invalid: expected " + expected);
    }
}
