package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.tck.TabularAdaptationContract;
import org.junit.jupiter.api.Nested;

import java.util.Map;

/** {@code adapt.pg} and {@code adapt.maml} held to the adaptation contract. */
final class PolicyGradientContractTest
{
    private static TabularAdaptation create(AdaptationAlgorithmFactory factory, Map<String, String> settings)
    {
        RunContext context = new RunContext(RandomSource.seeded(1), name -> {
            throw new IllegalArgumentException("no distances needed: " + name);
        });
        return factory.create(MapSettings.of("adaptation", settings, factory.settings()), context).tabular().get();
    }

    @Nested
    final class PolicyGradientSecondOrder
            extends TabularAdaptationContract
    {
        private final TabularAdaptation adaptation = create(PolicyGradientFactory.policyGradient(), Map.of("step_size", "5"));

        @Override
        protected TabularAdaptation adaptation()
        {
            return adaptation;
        }
    }

    @Nested
    final class MamlFirstOrder
            extends TabularAdaptationContract
    {
        private final TabularAdaptation adaptation = create(PolicyGradientFactory.maml(), Map.of("order", "first"));

        @Override
        protected TabularAdaptation adaptation()
        {
            return adaptation;
        }

        /** First-order MAML drops the second-order term on purpose: its hypergradient is g, not (I + α∇²S)g. */
        @Override
        protected boolean exactHypergradient()
        {
            return false;
        }
    }
}
