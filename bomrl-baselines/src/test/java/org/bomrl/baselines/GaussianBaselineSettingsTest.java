package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings of the Gaussian views of {@code adapt.maml} and {@code adapt.maml-trpo}: reference defaults, the paper variant, one-line errors. */
final class GaussianBaselineSettingsTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1L), name -> {
        throw new InvalidSettingException("no distances in this test: " + name);
    });

    @Test
    void mamlHasTheReferenceCodeDefaultsOnGaussianPoliciesAndKeepsItsTabularView()
    {
        AdaptationAlgorithm algorithm = create(PolicyGradientFactory.maml(), Map.of());
        GaussianMaml maml = (GaussianMaml) algorithm.gaussian().get();

        assertThat(algorithm.tabular().isDefined()).isTrue();
        assertThat(maml.step().stepSize()).isEqualTo(0.1);
        assertThat(maml.step().objective()).isEqualTo(InnerObjective.REINFORCE);
        assertThat(maml.order()).isEqualTo(HypergradientOrder.SECOND);
        assertThat(maml.laterRoundFactor()).isEqualTo(1.0);
        GaussianMaml lvc = (GaussianMaml) create(PolicyGradientFactory.maml(), Map.of("inner_objective", "lvc", "order", "first", "gaussian_step_size", "0.3")).gaussian().get();
        assertThat(lvc.step().objective()).isEqualTo(InnerObjective.LIKELIHOOD_RATIO);
        assertThat(lvc.order()).isEqualTo(HypergradientOrder.FIRST);
        assertThat(lvc.step().stepSize()).isEqualTo(0.3);
        assertThat(create(PolicyGradientFactory.policyGradient(), Map.of()).gaussian().isEmpty()).as("adapt.pg stays tabular").isTrue();
    }

    @Test
    void mamlTrpoDefaultsToThePaperVariantAndNamesTheClassicOne()
    {
        GaussianMaml paper = (GaussianMaml) create(new MamlTrpoFactory(), Map.of()).gaussian().get();
        GaussianMaml classic = (GaussianMaml) ((StandardisedAdvantages) create(new MamlTrpoFactory(), Map.of("variant", "classic")).gaussian().get()).delegate();

        assertThat(paper.step().objective()).isEqualTo(InnerObjective.SMOOTHED_RATIO);
        assertThat(paper.step().stepSize()).isEqualTo(0.1);
        assertThat(paper.order()).isEqualTo(HypergradientOrder.SECOND);
        assertThat(paper.laterRoundFactor()).as("meta-test α then α/2").isEqualTo(0.5);
        assertThat(classic.step().objective()).isEqualTo(InnerObjective.REINFORCE);
        assertThat(classic.laterRoundFactor()).isEqualTo(1.0);
        assertThat(create(new MamlTrpoFactory(), Map.of()).tabular().isEmpty()).isTrue();
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey()
    {
        assertThatThrownBy(() -> create(new MamlTrpoFactory(), Map.of("variant", "garage")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("adapt.variant = 'garage'").hasMessageContaining("paper, classic").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> create(new MamlTrpoFactory(), Map.of("step_size", "-0.1")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("adapt.step_size = '-0.1'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> create(new MamlTrpoFactory(), Map.of("order", "zeroth")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("adapt.order = 'zeroth'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> create(PolicyGradientFactory.maml(), Map.of("gaussian_step_size", "0")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("adapt.gaussian_step_size = '0'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> create(PolicyGradientFactory.maml(), Map.of("inner_objective", "smoothed")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("adapt.inner_objective = 'smoothed'").hasMessageContaining("reinforce, lvc")
                .hasMessageNotContaining("\n");
    }

    private static AdaptationAlgorithm create(AdaptationAlgorithmFactory factory, Map<String, String> values)
    {
        return factory.create(MapSettings.of("adapt", values, factory.settings()), CONTEXT);
    }
}
