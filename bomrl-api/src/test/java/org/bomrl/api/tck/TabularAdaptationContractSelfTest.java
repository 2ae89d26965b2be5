package org.bomrl.api.tck;

import io.vavr.control.Option;
import org.bomrl.api.adapt.ExactHypergradient;
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

    /** Step size of {@link #ONE_GRADIENT_STEP}. */
    private static final double ALPHA = 0.7;

    /**
     * One gradient step on the surrogate, θ = φ + α∇S(φ) with ∂S/∂φ(s,a) = ν(s) π(a|s) (Q(s,a) − Q̄(s)),
     * and its exact hypergradient h = g + α∇²S g, where per state
     * ∇²S_ab = ν [(δ_ab − π_b) π_a A_a − π_a π_b A_b] with A = Q − Q̄ (symmetric): its Jacobian is not the
     * identity, so returning g is wrong for it.
     */
    private static final TabularAdaptation ONE_GRADIENT_STEP = new TabularAdaptation()
    {
        @Override
        public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
        {
            double[] theta = prior.logits();
            int actions = prior.actions();
            for (int s = 0; s < prior.states(); s++) {
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += prior.probability(s, a) * round.q(s, a);
                }
                for (int a = 0; a < actions; a++) {
                    theta[s * actions + a] += ALPHA * round.visitation(s) * prior.probability(s, a) * (round.q(s, a) - mean);
                }
            }
            return TabularSoftmaxPolicy.of(prior.states(), actions, theta);
        }

        @Override
        public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            double[] h = g.clone();
            int actions = prior.actions();
            for (int s = 0; s < prior.states(); s++) {
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += prior.probability(s, a) * round.q(s, a);
                }
                for (int a = 0; a < actions; a++) {
                    double pa = prior.probability(s, a);
                    double advantageA = round.q(s, a) - mean;
                    double sum = 0;
                    for (int b = 0; b < actions; b++) {
                        double pb = prior.probability(s, b);
                        double hessian = ((a == b ? 1 : 0) - pb) * pa * advantageA - pa * pb * (round.q(s, b) - mean);
                        sum += hessian * g[s * actions + b];
                    }
                    h[s * actions + a] += ALPHA * round.visitation(s) * sum;
                }
            }
            return h;
        }
    };

    /** {@link #CLOSED_FORM} with its exact derivatives: ∂θ/∂φ = I and ∂θ/∂Q = I/λ, so (g, g/λ) with λ = 0.5. */
    private static final TabularAdaptation CLOSED_FORM_EXACT = new Delegate(CLOSED_FORM)
    {
        @Override
        public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            double[] actionValues = g.clone();
            for (int i = 0; i < actionValues.length; i++) {
                actionValues[i] /= 0.5;
            }
            return Option.some(new ExactHypergradient(g, actionValues));
        }
    };

    /**
     * {@link #ONE_GRADIENT_STEP} with its exact derivatives: the prior part is its hypergradient and,
     * from ∂θ_a/∂Q_b = αν(s) π_a (δ_ab − π_b) per state, the action-value part is
     * αν(s) π_b (g_b − Σ_a π_a g_a).
     */
    private static final TabularAdaptation ONE_GRADIENT_STEP_EXACT = new Delegate(ONE_GRADIENT_STEP)
    {
        @Override
        public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            double[] actionValues = new double[g.length];
            int actions = prior.actions();
            for (int s = 0; s < prior.states(); s++) {
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += prior.probability(s, a) * g[s * actions + a];
                }
                for (int b = 0; b < actions; b++) {
                    actionValues[s * actions + b] = ALPHA * round.visitation(s) * prior.probability(s, b) * (g[s * actions + b] - mean);
                }
            }
            return Option.some(new ExactHypergradient(hypergradient(prior, adapted, round, g), actionValues));
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
    void exactHypergradientsPassTheFiniteDifferenceCheck()
    {
        assertThatCode(contract(CLOSED_FORM, true)::hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective).doesNotThrowAnyException();
        assertThatCode(contract(ONE_GRADIENT_STEP, false)::hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective).doesNotThrowAnyException();
        assertThatCode(contract(ONE_GRADIENT_STEP, false)::hypergradientIsFiniteDeterministicAndLinearInTheGradient).doesNotThrowAnyException();
    }

    @Test
    void exactDerivativesPassTheSolutionMapCheck()
    {
        assertThatCode(contract(CLOSED_FORM_EXACT, true)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).doesNotThrowAnyException();
        assertThatCode(contract(ONE_GRADIENT_STEP_EXACT, false)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).doesNotThrowAnyException();
        assertThatCode(contract(CLOSED_FORM, true)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).as("none is skipped").doesNotThrowAnyException();
    }

    @Test
    void swappedExactPartsAreCaught()
    {
        TabularAdaptation swapped = new Delegate(CLOSED_FORM_EXACT)
        {
            @Override
            public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                ExactHypergradient right = super.exactHypergradient(prior, adapted, round, g).get();
                return Option.some(new ExactHypergradient(right.actionValues(), right.prior()));
            }
        };
        assertThatThrownBy(contract(swapped, true)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).isInstanceOf(AssertionError.class)
                .hasMessageContaining("prior part");
    }

    @Test
    void zeroActionValuePartIsCaught()
    {
        TabularAdaptation zeroed = new Delegate(ONE_GRADIENT_STEP_EXACT)
        {
            @Override
            public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                return Option.some(new ExactHypergradient(super.exactHypergradient(prior, adapted, round, g).get().prior(), new double[g.length]));
            }
        };
        assertThatThrownBy(contract(zeroed, false)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).isInstanceOf(AssertionError.class)
                .hasMessageContaining("action-value part");
    }

    @Test
    void firstOrderExactPriorPartIsCaught()
    {
        TabularAdaptation firstOrder = new Delegate(ONE_GRADIENT_STEP_EXACT)
        {
            @Override
            public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                return Option.some(new ExactHypergradient(g, super.exactHypergradient(prior, adapted, round, g).get().actionValues()));
            }
        };
        assertThatThrownBy(contract(firstOrder, false)::exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap).isInstanceOf(AssertionError.class)
                .hasMessageContaining("prior part");
    }

    @Test
    void zeroHypergradientIsCaughtByFiniteDifferences()
    {
        TabularAdaptation zero = new Delegate(CLOSED_FORM)
        {
            @Override
            public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                return new double[g.length];
            }
        };
        assertThatCode(contract(zero, true)::hypergradientIsFiniteDeterministicAndLinearInTheGradient).doesNotThrowAnyException();
        assertThatThrownBy(contract(zero, true)::hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective).isInstanceOf(AssertionError.class);
    }

    @Test
    void firstOrderHypergradientIsCaughtByFiniteDifferences()
    {
        TabularAdaptation firstOrder = new Delegate(ONE_GRADIENT_STEP)
        {
            @Override
            public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
            {
                return g.clone();
            }
        };
        assertThatCode(contract(firstOrder, false)::hypergradientIsFiniteDeterministicAndLinearInTheGradient).doesNotThrowAnyException();
        assertThatThrownBy(contract(firstOrder, false)::hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective).isInstanceOf(AssertionError.class);
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

        @Override
        public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
        {
            return delegate.exactHypergradient(prior, adapted, round, g);
        }
    }
}
