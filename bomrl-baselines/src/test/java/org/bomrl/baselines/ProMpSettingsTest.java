package org.bomrl.baselines;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.optim.OuterOptimizerSpec;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings of {@code adapt.promp}, {@code adapt.e-maml} and {@code optimizer.promp-epochs}: the reference code's defaults (spec §7.3), one-line errors naming the key. */
final class ProMpSettingsTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1L), name -> {
        throw new InvalidSettingException("no distances in this test: " + name);
    });

    @Test
    void algorithmsHaveTheReferenceDefaultsAndOnlyAGaussianView()
    {
        GaussianProMp proMp = (GaussianProMp) ((StandardisedAdvantages) new ProMpFactory().create(settings("adapt", new ProMpFactory(), Map.of()), CONTEXT).gaussian().get())
                .delegate();
        GaussianEmaml emaml = (GaussianEmaml) new EmamlFactory().create(settings("adapt", new EmamlFactory(), Map.of()), CONTEXT).gaussian().get();
        GaussianProMp tuned = (GaussianProMp) new ProMpFactory().create(settings("adapt", new ProMpFactory(), Map.of("step_size", "0.05", "clip", "0.2",
                "normalize_advantages", "false")), CONTEXT).gaussian().get();

        assertThat(proMp.step().stepSize()).isEqualTo(0.1);
        assertThat(proMp.step().objective()).isEqualTo(InnerObjective.LIKELIHOOD_RATIO);
        assertThat(proMp.clip()).isEqualTo(0.3);
        assertThat(tuned.step().stepSize()).isEqualTo(0.05);
        assertThat(tuned.clip()).isEqualTo(0.2);
        assertThat(emaml.step().stepSize()).isEqualTo(0.1);
        assertThat(emaml.step().objective()).isEqualTo(InnerObjective.REINFORCE);
        assertThat(new ProMpFactory().create(settings("adapt", new ProMpFactory(), Map.of()), CONTEXT).tabular().isEmpty()).isTrue();
        assertThat(new EmamlFactory().create(settings("adapt", new EmamlFactory(), Map.of()), CONTEXT).tabular().isEmpty()).isTrue();
    }

    @Test
    void optimiserHasTheReferenceDefaultsAndTheAdaptiveRuleAsASetting()
    {
        ProMpEpochs defaults = optimizer(Map.of());
        ProMpEpochs adaptive = optimizer(Map.of("kl_rule", "adaptive", "kl_target", "0.02", "epochs", "3", "kl_penalty", "0.001", "learning_rate", "0.01"));

        assertThat(defaults.epochs()).isEqualTo(5);
        assertThat(defaults.learningRate()).isEqualTo(1e-3);
        assertThat(defaults.klPenalty()).isEqualTo(5e-4);
        assertThat(defaults.adaptive()).isFalse();
        assertThat(defaults.klTarget()).isEqualTo(0.01);
        assertThat(adaptive.adaptive()).isTrue();
        assertThat(adaptive.klTarget()).isEqualTo(0.02);
        assertThat(adaptive.epochs()).isEqualTo(3);
        assertThat(adaptive.klPenalty()).isEqualTo(1e-3);
        assertThat(adaptive.learningRate()).isEqualTo(0.01);
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey()
    {
        expectInvalid(() -> new ProMpFactory().create(settings("adapt", new ProMpFactory(), Map.of("clip", "1.5")), CONTEXT), "adapt.clip = '1.5'", "(0, 1)");
        expectInvalid(() -> new ProMpFactory().create(settings("adapt", new ProMpFactory(), Map.of("step_size", "0")), CONTEXT), "adapt.step_size = '0'", "positive");
        expectInvalid(() -> new EmamlFactory().create(settings("adapt", new EmamlFactory(), Map.of("step_size", "-1")), CONTEXT), "adapt.step_size = '-1'", "positive");
        expectInvalid(() -> optimizer(Map.of("epochs", "0")), "optimizer.epochs = '0'", "≥ 1");
        expectInvalid(() -> optimizer(Map.of("learning_rate", "-0.1")), "optimizer.learning_rate = '-0.1'", "positive");
        expectInvalid(() -> optimizer(Map.of("kl_penalty", "-1")), "optimizer.kl_penalty = '-1'", "non-negative");
        expectInvalid(() -> optimizer(Map.of("kl_rule", "sometimes")), "optimizer.kl_rule = 'sometimes'", "fixed, adaptive");
        expectInvalid(() -> optimizer(Map.of("kl_target", "0")), "optimizer.kl_target = '0'", "positive");
    }

    private static void expectInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String names, String expected)
    {
        assertThatThrownBy(call).isInstanceOf(InvalidSettingException.class).hasMessageContaining(names).hasMessageContaining(expected).hasMessageNotContaining("\n");
    }

    private static ProMpEpochs optimizer(Map<String, String> values)
    {
        ProMpEpochsFactory factory = new ProMpEpochsFactory();
        OuterOptimizerSpec spec = factory.create(settings("optimizer", factory, values), CONTEXT);
        return (ProMpEpochs) spec.newOptimizer(4);
    }

    private static MapSettings settings(String scope, ComponentFactory<?> factory, Map<String, String> values)
    {
        return MapSettings.of(scope, values, factory.settings());
    }
}
