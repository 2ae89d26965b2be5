package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GuardedAlgorithm}'s tabular view forwards {@code exactHypergradient} unchanged, none stays none, and a non-finite part is reported. */
final class GuardedAlgorithmTest
{
    private static final int STATES = 4;
    private static final int ACTIONS = 3;

    @Test
    void forwardsTheExactHypergradientOfBomrl()
    {
        for (Map<String, String> settings : java.util.List.of(
                Map.of("distance", "distance.kl-prior-adapted", "lambda", "0.5"),
                Map.of("distance", "distance.kl-adapted-prior", "lambda", "0.5"),
                Map.of("distance", "distance.squared-euclidean", "lambda", "0.5"))) {
            TabularAdaptation plain = bomrl(settings);
            TabularAdaptation guarded = guarded(plain);
            Case c = randomCase(settings.get("distance"));
            TabularSoftmaxPolicy adapted = plain.adapt(c.prior(), c.round());
            double[] g = RandomMdps.logits(RandomSource.seeded(7).derive("g").generator(), STATES * ACTIONS, 1);

            ExactHypergradient expected = plain.exactHypergradient(c.prior(), adapted, c.round(), g).get();
            ExactHypergradient forwarded = guarded.exactHypergradient(c.prior(), guarded.adapt(c.prior(), c.round()), c.round(), g).get();

            assertThat(forwarded.prior()).as("%s prior part", settings).containsExactly(expected.prior());
            assertThat(forwarded.actionValues()).as("%s action-value part", settings).containsExactly(expected.actionValues());
        }
    }

    @Test
    void staysNoneForAlgorithmsWithoutExactDerivatives()
    {
        for (Map<String, String> settings : java.util.List.of(
                Map.of("distance", "distance.kl-prior-adapted", "lambda", "0.5", "solver", "as-coded"),
                Map.of("distance", "distance.kl-prior-adapted", "constraint", "trust-region", "delta", "0.05"))) {
            TabularAdaptation guarded = guarded(bomrl(settings));
            Case c = randomCase(settings.toString());
            TabularSoftmaxPolicy adapted = guarded.adapt(c.prior(), c.round());

            assertThat(guarded.exactHypergradient(c.prior(), adapted, c.round(), new double[STATES * ACTIONS]).isEmpty()).as("%s", settings).isTrue();
        }
    }

    @Test
    void reportsANonFinitePartLikeTheHypergradient()
    {
        Case c = randomCase("non-finite");
        for (boolean priorPart : new boolean[] {true, false}) {
            double[] broken = new double[STATES * ACTIONS];
            broken[ACTIONS + 2] = Double.NaN;
            double[] finite = new double[STATES * ACTIONS];
            ExactHypergradient parts = priorPart ? new ExactHypergradient(broken, finite) : new ExactHypergradient(finite, broken);
            TabularAdaptation nonFinite = new TabularAdaptation()
            {
                @Override
                public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
                {
                    return prior;
                }

                @Override
                public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
                {
                    return adaptedGradient.clone();
                }

                @Override
                public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
                {
                    return Option.some(parts);
                }
            };
            TabularAdaptation guarded = guarded(nonFinite);

            assertThatThrownBy(() -> guarded.exactHypergradient(c.prior(), c.prior(), c.round(), finite)).isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining(priorPart ? "(∂θ*∕∂φ)ᵀg" : "(∂θ*∕∂Q)ᵀg").hasMessageContaining("entry (s=1, a=2) is NaN");
        }
    }

    private record Case(TabularSoftmaxPolicy prior, TabularRound round) {}

    private static Case randomCase(String stream)
    {
        SplittableRandom random = RandomSource.seeded(2024).derive(stream).generator();
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] visitation = RandomMdps.policy(random, 1, STATES);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, RandomMdps.logits(random, STATES * ACTIONS, 1.5));
        return new Case(prior, new TabularRound(STATES, ACTIONS, q, visitation, 0, 1));
    }

    private static TabularAdaptation guarded(TabularAdaptation algorithm)
    {
        return new GuardedAlgorithm(new AdaptationAlgorithm()
        {
            @Override
            public Option<TabularAdaptation> tabular()
            {
                return Option.some(algorithm);
            }
        }).tabular().get();
    }

    /** {@code adapt.bomrl} with the given settings, its distance and itself found by {@link ServiceLoader} as a run finds them. */
    private static TabularAdaptation bomrl(Map<String, String> settings)
    {
        Map<String, PolicyDistanceFactory> distances = new HashMap<>();
        Map<String, AdaptationAlgorithmFactory> algorithms = new HashMap<>();
        for (BomrlPlugin plugin : ServiceLoader.load(BomrlPlugin.class)) {
            plugin.distanceFactories().forEach(factory -> distances.put(factory.name(), factory));
            plugin.adaptationAlgorithmFactories().forEach(factory -> algorithms.put(factory.name(), factory));
        }
        RunContext[] context = new RunContext[1];
        context[0] = new RunContext(RandomSource.seeded(1), name -> distances.get(name).create(MapSettings.of("distance", Map.of(), distances.get(name).settings()), context[0]));
        AdaptationAlgorithmFactory factory = algorithms.get("adapt.bomrl");
        return factory.create(MapSettings.of("method.adaptation", settings, factory.settings()), context[0]).tabular().get();
    }
}
