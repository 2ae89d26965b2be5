package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Task;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standardised advantages (spec §7.3, the reference codes' normalised advantages): the decorated
 * algorithm equals the plain one run on standardised advantages, pre- and post-update; MAML-TRPO
 * classic and ProMP (by default) use it.
 */
final class StandardisedAdvantagesTest
{
    private static final int HORIZON = 20;
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1L), name -> {
        throw new InvalidSettingException("no distances in this test: " + name);
    });

    @Test
    void theDecoratedAlgorithmIsThePlainOneOnStandardisedAdvantages()
    {
        Task<double[], double[]> task = LinearQuadraticBatches.task(HORIZON, 4);
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, 1, new int[0], Activation.TANH, -0.7);
        double[] phi = {-0.6, -0.9, 0.05, -0.7};
        TrajectoryBatch before = LinearQuadraticBatches.collect(task, policy, phi, 30, HORIZON, RandomSource.seeded(17));
        double[] advantages = LinearQuadraticBatches.advantages(before, model.gamma());
        GaussianMaml maml = new GaussianMaml(new InnerStep(InnerObjective.REINFORCE, 0.05), HypergradientOrder.SECOND, 1.0);
        GaussianAdaptation decorated = new StandardisedAdvantages(maml);

        AdaptationResult adapted = decorated.adapt(policy, phi, before, advantages);
        AdaptationResult reference = maml.adapt(policy, phi, before, StandardisedAdvantages.standardised(advantages));
        assertThat(adapted.theta()).containsExactly(reference.theta());
        assertThat(maml.adapt(policy, phi, before, advantages).theta()).as("the standardisation changes the step").isNotEqualTo(reference.theta());

        TrajectoryBatch after = LinearQuadraticBatches.collect(task, policy, adapted.theta(), 30, HORIZON, RandomSource.seeded(18));
        double[] adaptedAdvantages = LinearQuadraticBatches.advantages(after, model.gamma());
        MetaGradient metaGradient = decorated.metaGradient(policy, phi, adapted, before, advantages, after, adaptedAdvantages);
        MetaGradient expected = maml.metaGradient(policy, phi, reference, before, StandardisedAdvantages.standardised(advantages), after,
                StandardisedAdvantages.standardised(adaptedAdvantages));
        assertThat(metaGradient.h()).containsExactly(expected.h());
        double[] away = {-0.55, -0.95, 0.1, -0.65};
        assertThat(decorated.surrogateLoss(policy, away, before, metaGradient)).isEqualTo(maml.surrogateLoss(policy, away, before, expected));
        assertThat(decorated.adaptRound(1, policy, phi, before, advantages).theta()).containsExactly(maml.adaptRound(1, policy, phi, before,
                StandardisedAdvantages.standardised(advantages)).theta());
    }

    @Test
    void mamlTrpoClassicAndProMpStandardiseByDefaultThePaperVariantDoesNot()
    {
        assertThat(view(new MamlTrpoFactory(), Map.of("variant", "classic"))).isInstanceOf(StandardisedAdvantages.class);
        assertThat(view(new MamlTrpoFactory(), Map.of())).isInstanceOf(GaussianMaml.class);
        assertThat(view(new ProMpFactory(), Map.of())).isInstanceOf(StandardisedAdvantages.class);
        assertThat(view(new ProMpFactory(), Map.of("normalize_advantages", "false"))).isInstanceOf(GaussianProMp.class);
    }

    private static GaussianAdaptation view(AdaptationAlgorithmFactory factory, Map<String, String> values)
    {
        return factory.create(MapSettings.of("adapt", values, factory.settings()), CONTEXT).gaussian().get();
    }
}
