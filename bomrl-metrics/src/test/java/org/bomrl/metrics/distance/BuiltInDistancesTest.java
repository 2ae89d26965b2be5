package org.bomrl.metrics.distance;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.tck.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInDistancesTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(1), name -> {
        throw new IllegalStateException("distances resolve no components: " + name);
    });

    @Test
    void factoriesHaveTheDocumentedNamesAndNoSettings()
    {
        List<PolicyDistanceFactory> factories = BuiltInDistances.factories();

        assertThat(factories).extracting(PolicyDistanceFactory::name).containsExactly(
                "distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean", "distance.squared-euclidean-probabilities");
        assertThat(factories).allSatisfy(factory -> {
            assertThat(factory.settings()).isEmpty();
            assertThat(factory.description()).isNotBlank();
        });
    }

    @Test
    void everyDistanceHasATabularViewOfTheRightKind()
    {
        double[] theta = {0.3, -1.2, 2.0};
        double[] phi = {1.0, 0.0, -0.5};
        for (PolicyDistanceFactory factory : BuiltInDistances.factories()) {
            PolicyDistance distance = factory.create(MapSettings.of("distance", Map.of(), factory.settings()), CONTEXT);

            assertThat(distance.tabular().isDefined()).as(factory.name()).isTrue();
            assertThat(distance.tabular().get().value(theta, phi, 0, 3)).as(factory.name()).isPositive();
            assertThat(distance.tabular().get().shiftInvariant()).as(factory.name()).isEqualTo(!factory.name().equals("distance.squared-euclidean"));
        }
    }

    @Test
    void alg1To3HaveAGaussianViewAndTheProbabilitySpaceVariantDoesNot()
    {
        LinearGaussianPolicy policy = new LinearGaussianPolicy(2, 1);
        double[] theta = {0.3, -1.2, 0.5, -0.7};
        double[] phi = {1.0, 0.0, -0.5, -0.2};
        double[] observations = {0.4, -1.0, 2.0, 0.1};
        for (PolicyDistanceFactory factory : BuiltInDistances.factories()) {
            PolicyDistance distance = factory.create(MapSettings.of("distance", Map.of(), factory.settings()), CONTEXT);

            boolean gaussian = !factory.name().equals("distance.squared-euclidean-probabilities");
            assertThat(distance.gaussian().isDefined()).as(factory.name()).isEqualTo(gaussian);
            if (gaussian) {
                assertThat(distance.gaussian().get().value(policy, theta, phi, observations, 2)).as(factory.name()).isPositive();
            }
        }
    }
}
