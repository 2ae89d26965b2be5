package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code adapt.bomrl}'s registration and settings: defaults, and one-line errors for invalid values. */
class BomrlSettingsTest
{
    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();

    record Invalid(Map<String, String> values, String key)
    {
        @Override
        public String toString()
        {
            return values.toString();
        }
    }

    static Stream<Invalid> invalid()
    {
        return Stream.of(
                new Invalid(Map.of("lambda", "0"), "lambda"),
                new Invalid(Map.of("lambda", "-1"), "lambda"),
                new Invalid(Map.of("lambda", "abc"), "lambda"),
                new Invalid(Map.of("delta", "0"), "delta"),
                new Invalid(Map.of("solver", "newton"), "solver"),
                new Invalid(Map.of("hypergradient", "second-order"), "hypergradient"),
                new Invalid(Map.of("constraint", "ball"), "constraint"),
                new Invalid(Map.of("solver", "exact", "distance", "distance.squared-euclidean"), "solver"),
                new Invalid(Map.of("solver", "as-coded", "distance", BomrlSettings.KL_ADAPTED_PRIOR), "solver"),
                new Invalid(Map.of("solver", "as-coded", "constraint", "trust-region"), "solver"),
                new Invalid(Map.of("as_coded_steps", "-1"), "as_coded_steps"),
                new Invalid(Map.of("as_coded_learning_rate", "0"), "as_coded_learning_rate"),
                new Invalid(Map.of("cg_negative_curvature", "ignore"), "cg_negative_curvature"),
                new Invalid(Map.of("cg_iterations", "0"), "cg_iterations"),
                new Invalid(Map.of("as_coded_kl_factor", "-4"), "as_coded_kl_factor"),
                new Invalid(Map.of("as_coded_clip", "1"), "as_coded_clip"),
                new Invalid(Map.of("tolerance", "0"), "tolerance"),
                new Invalid(Map.of("max_iterations", "0"), "max_iterations"),
                new Invalid(Map.of("distance", "distance.no-such-thing"), "distance.no-such-thing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidSettingsFailWithOneLine(Invalid invalid)
    {
        assertThatThrownBy(() -> COMPONENTS.bomrl(invalid.values()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(invalid.key())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void pluginRegistersAdaptBomrlWithEverySettingDeclared()
    {
        AdaptationAlgorithmFactory factory = COMPONENTS.bomrlFactory();

        assertThat(factory.name()).isEqualTo("adapt.bomrl");
        assertThat(factory.settings()).extracting(SettingSpec::key).containsExactly("distance", "lambda", "solver", "hypergradient", "constraint", "delta",
                "as_coded_steps", "as_coded_learning_rate", "as_coded_kl_factor", "as_coded_clip", "tolerance", "max_iterations",
                "inner_steps", "inner_learning_rate", "max_distance", "cg_iterations", "cg_tolerance", "cg_damping", "cg_negative_curvature");
        assertThat(factory.settings()).allSatisfy(spec -> assertThat(spec.defaultValue()).isPresent());
    }

    @Test
    void defaultsAreAlg1ExactWithImplicitHypergradient()
    {
        BomrlSettings settings = COMPONENTS.bomrl(Map.of()).settings();

        assertThat(settings.distance()).isEqualTo(BomrlSettings.KL_PRIOR_ADAPTED);
        assertThat(settings.lambda()).isEqualTo(1.0);
        assertThat(settings.effectiveSolver()).isEqualTo(SolverChoice.EXACT);
        assertThat(settings.hypergradient()).isEqualTo(HypergradientChoice.IMPLICIT);
        assertThat(settings.constraint()).isEqualTo(ConstraintChoice.NONE);
        assertThat(settings.delta()).isEqualTo(0.01);
        assertThat(settings.asCoded()).isEqualTo(AsCodedParameters.PAPER);
        assertThat(settings.tolerance()).isEqualTo(1e-12);
        assertThat(settings.maxIterations()).isEqualTo(100);
        assertThat(COMPONENTS.bomrl(Map.of("distance", "distance.squared-euclidean")).settings().effectiveSolver()).isEqualTo(SolverChoice.GENERIC);
    }
}
