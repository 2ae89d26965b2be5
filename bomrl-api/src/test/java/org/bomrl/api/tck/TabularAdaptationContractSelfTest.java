package org.bomrl.api.tck;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adaptation contract accepts a correct algorithm and catches broken ones. */
final class TabularAdaptationContractSelfTest
{
    /** Alg(2)'s closed form θ = φ + Q/λ with h = g: a correct algorithm that ascends S − λKL(π‖π_φ). */
    private static final TabularAdaptation CLOSED_FORM = new TabularAdaptation()
    {
        @Override
        public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
        {
            double[] theta = prior.logits();
            for (int i = 0; i < theta.length; i++) {
                theta[i] += round.q()[i] / 0.5;
            }
            return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), theta);
        }

        @Override
        public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            return g.clone();
        }
    };

    private static TabularAdaptationContract contract(TabularAdaptation adaptation, boolean ascends)
    {
        return new TabularAdaptationContract()
        {
            @Override
            protected TabularAdaptation adaptation()
            {
                return adaptation;
            }

            @Override
            protected boolean ascendsSurrogate()
            {
                return ascends;
            }
        };
    }

    @Test
    void correctAlgorithmPasses()
    {
        TabularAdaptationContract contract = contract(CLOSED_FORM, true);
        assertThatCode(contract::adaptKeepsTheShapeAndIsDeterministic).doesNotThrowAnyException();
        assertThatCode(contract::hypergradientIsFiniteDeterministicAndLinearInTheGradient).doesNotThrowAnyException();
        assertThatCode(contract::adaptNeverLowersTheSurrogateWhenItMaximisesIt).doesNotThrowAnyException();
    }

    @Test
    void nonLinearHypergradientIsCaught()
    {
        TabularAdaptation squaring = new Delegate(CLOSED_FORM)
        {
            @Override
            public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                double[] h = g.clone();
                for (int i = 0; i < h.length; i++) {
                    h[i] = g[i] * Math.abs(g[i]);
                }
                return h;
            }
        };
        assertThatThrownBy(contract(squaring, false)::hypergradientIsFiniteDeterministicAndLinearInTheGradient).isInstanceOf(AssertionError.class);
    }

    @Test
    void descendingAlgorithmIsCaught()
    {
        TabularAdaptation descending = new Delegate(CLOSED_FORM)
        {
            @Override
            public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
            {
                double[] theta = prior.logits();
                for (int i = 0; i < theta.length; i++) {
                    theta[i] -= round.q()[i] / 0.5;
                }
                return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), theta);
            }
        };
        assertThatThrownBy(contract(descending, true)::adaptNeverLowersTheSurrogateWhenItMaximisesIt).isInstanceOf(AssertionError.class);
    }

    @Test
    void gradientModifyingHypergradientIsCaught()
    {
        TabularAdaptation modifying = new Delegate(CLOSED_FORM)
        {
            @Override
            public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                g[0] = 0;
                return g.clone();
            }
        };
        assertThatThrownBy(contract(modifying, false)::hypergradientIsFiniteDeterministicAndLinearInTheGradient).isInstanceOf(AssertionError.class);
    }

    /** Forwards to another algorithm; tests override one method to break it. */
    private static class Delegate
            implements TabularAdaptation
    {
        private final TabularAdaptation delegate;

        Delegate(TabularAdaptation delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
        {
            return delegate.adapt(prior, round);
        }

        @Override
        public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            return delegate.hypergradient(prior, adapted, round, g);
        }
    }
}
