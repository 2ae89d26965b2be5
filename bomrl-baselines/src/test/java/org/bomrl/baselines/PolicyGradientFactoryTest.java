package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyGradientFactoryTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1L), name -> {
        throw new InvalidSettingException("no distances in this test: " + name);
    });

    @Test
    void namesAndDeclaredSettings()
    {
        PolicyGradientFactory pg = PolicyGradientFactory.policyGradient();
        PolicyGradientFactory maml = PolicyGradientFactory.maml();

        assertThat(pg.name()).isEqualTo("adapt.pg");
        assertThat(maml.name()).isEqualTo("adapt.maml");
        assertThat(pg.settings()).extracting(SettingSpec::key).containsExactly("step_size", "hypergradient");
        assertThat(maml.settings()).extracting(SettingSpec::key).containsExactly("step_size", "order", "gaussian_step_size", "inner_objective");
        assertThat(pg.settings().get(1).choices()).containsExactly("first-order", "second-order");
        assertThat(maml.settings().get(1).choices()).containsExactly("first", "second");
        assertThat(pg.description()).doesNotContain("\n");
        assertThat(maml.description()).doesNotContain("\n");
    }

    @Test
    void defaultsAreStepFiftyAndSecondOrder()
    {
        for (PolicyGradientFactory factory : List.of(PolicyGradientFactory.policyGradient(), PolicyGradientFactory.maml())) {
            PolicyGradientStep step = create(factory, Map.of());

            assertThat(step.stepSize()).as(factory.name()).isEqualTo(50.0);
            assertThat(step.order()).as(factory.name()).isEqualTo(HypergradientOrder.SECOND);
            assertThat(step.tabular().isDefined()).isTrue();
        }
    }

    @Test
    void parsesGivenValues()
    {
        PolicyGradientStep pg = create(PolicyGradientFactory.policyGradient(), Map.of("step_size", "0.5", "hypergradient", "first-order"));
        PolicyGradientStep maml = create(PolicyGradientFactory.maml(), Map.of("step_size", "2", "order", "first"));

        assertThat(pg.stepSize()).isEqualTo(0.5);
        assertThat(pg.order()).isEqualTo(HypergradientOrder.FIRST);
        assertThat(maml.stepSize()).isEqualTo(2.0);
        assertThat(maml.order()).isEqualTo(HypergradientOrder.FIRST);
    }

    @Test
    void nonPositiveStepSizeIsAOneLineInvalidSetting()
    {
        for (String value : List.of("0", "-1.5")) {
            assertThatThrownBy(() -> create(PolicyGradientFactory.maml(), Map.of("step_size", value)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("adapt.step_size = '" + value + "'")
                    .hasMessageContaining("positive")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> create(PolicyGradientFactory.policyGradient(), Map.of("step_size", "fifty")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownOrderIsAOneLineInvalidSetting()
    {
        assertThatThrownBy(() -> create(PolicyGradientFactory.maml(), Map.of("order", "third")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("adapt.order = 'third'")
                .hasMessageContaining("first, second")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> create(PolicyGradientFactory.policyGradient(), Map.of("hypergradient", "implicit")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("adapt.hypergradient = 'implicit'")
                .hasMessageContaining("first-order, second-order")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownOrderIsRejectedByTheFactoryEvenWhenSettingsDoNotCheckChoices()
    {
        // settings whose specs carry no choices, so only the factory's own check can reject the value
        List<SettingSpec> unchecked = List.of(
                SettingSpec.of("step_size", SettingType.DOUBLE, "50", "α"),
                SettingSpec.of("order", SettingType.STRING, "second", "order"));
        MapSettings settings = MapSettings.of("adapt", Map.of("order", "third"), unchecked);

        assertThatThrownBy(() -> PolicyGradientFactory.maml().create(settings, CONTEXT))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("adapt.order = 'third' (given) is invalid: expected one of first, second");
    }

    private static PolicyGradientStep create(PolicyGradientFactory factory, Map<String, String> values)
    {
        AdaptationAlgorithm algorithm = factory.create(MapSettings.of("adapt", values, factory.settings()), CONTEXT);
        assertThat(algorithm).isInstanceOf(PolicyGradientStep.class);
        return (PolicyGradientStep) algorithm;
    }
}
