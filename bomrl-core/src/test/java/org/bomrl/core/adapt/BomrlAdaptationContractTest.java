package org.bomrl.core.adapt;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.tck.TabularAdaptationContract;
import org.junit.jupiter.api.Nested;

import java.util.Map;

/** {@code adapt.bomrl} held to the adaptation contract in each of its configurations. */
final class BomrlAdaptationContractTest
{
    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();

    private abstract static class Configuration
            extends TabularAdaptationContract
    {
        private final TabularAdaptation adaptation;

        Configuration(Map<String, String> settings)
        {
            adaptation = COMPONENTS.bomrl(settings);
        }

        @Override
        protected TabularAdaptation adaptation()
        {
            return adaptation;
        }

        @Override
        protected boolean ascendsSurrogate()
        {
            return true;
        }
    }

    @Nested
    final class Alg1Exact
            extends Configuration
    {
        Alg1Exact()
        {
            super(Map.of("distance", "distance.kl-prior-adapted", "lambda", "0.5"));
        }
    }

    @Nested
    final class Alg1AsCoded
            extends Configuration
    {
        Alg1AsCoded()
        {
            super(Map.of("distance", "distance.kl-prior-adapted", "lambda", "0.5", "solver", "as-coded"));
        }

        @Override
        protected boolean ascendsSurrogate()
        {
            // 20 SGD steps on a clipped loss need not reach an ascent point of S − λD (spec §2.4.1 "as coded")
            return false;
        }

        @Override
        protected boolean exactHypergradient()
        {
            // the implicit hypergradient assumes a stationary point, which 20 SGD steps stop short of (relative error ≈ 3e-5)
            return false;
        }
    }

    @Nested
    final class Alg2ClosedForm
            extends Configuration
    {
        Alg2ClosedForm()
        {
            super(Map.of("distance", "distance.kl-adapted-prior", "lambda", "0.5"));
        }
    }

    @Nested
    final class Alg3Generic
            extends Configuration
    {
        Alg3Generic()
        {
            super(Map.of("distance", "distance.squared-euclidean", "lambda", "0.5"));
        }
    }

    @Nested
    final class TrustRegion
            extends Configuration
    {
        TrustRegion()
        {
            super(Map.of("distance", "distance.kl-prior-adapted", "constraint", "trust-region", "delta", "0.05"));
        }
    }

    @Nested
    final class FirstOrder
            extends Configuration
    {
        FirstOrder()
        {
            super(Map.of("distance", "distance.kl-adapted-prior", "lambda", "0.5", "hypergradient", "first-order"));
        }
    }
}
