package org.bomrl.baselines;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolicyGradientStepTest
{
    private static final int STATES = 5;
    private static final int ACTIONS = 3;
    private static final double GAMMA = 0.9;
    private static final double STEP_SIZE = 50;
    private static final double FINITE_DIFFERENCE_STEP = 1e-5;
    /** Central differences of Ŝ (|Ŝ| ≲ 10): truncation ≈ ε²·|Ŝ'''| ≈ 1e-10, rounding ≈ 1e-16·10/ε ≈ 1e-10. */
    private static final double FINITE_DIFFERENCE = 1e-8;
    private static final double EXACT = 1e-12;

    private final RandomSource source = RandomSource.seeded(20240917L).derive("policy-gradient-step");

    @Test
    void stepIsPriorPlusStepSizeTimesFiniteDifferenceGradientOfSurrogate()
    {
        for (int trial = 0; trial < 3; trial++) {
            RandomSource trialSource = source.derive("surrogate").derive(trial);
            TabularMdp mdp = RandomMdps.mdp(trialSource.derive("mdp").generator(), STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
            double[] phi = RandomMdps.logits(trialSource.derive("logits").generator(), STATES * ACTIONS, 2);
            TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, phi);
            TabularRound round = exactRound(mdp, prior);

            double[] theta = new PolicyGradientStep(STEP_SIZE, HypergradientOrder.SECOND).adapt(prior, round).logits();

            for (int i = 0; i < phi.length; i++) {
                double numeric = (surrogate(shifted(phi, i, FINITE_DIFFERENCE_STEP), round)
                        - surrogate(shifted(phi, i, -FINITE_DIFFERENCE_STEP), round)) / (2 * FINITE_DIFFERENCE_STEP);
                assertThat((theta[i] - phi[i]) / STEP_SIZE).as("h at %d, trial %d", i, trial).isCloseTo(numeric, within(FINITE_DIFFERENCE));
            }
        }
    }

    @Test
    void exactInfiniteHorizonStepIsOneMinusGammaTimesPolicyGradient()
    {
        TabularMdp mdp = RandomMdps.mdp(source.derive("agarwal").derive("mdp").generator(), STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(source.derive("agarwal").derive("logits").generator(), STATES * ACTIONS, 2);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, phi);
        double[] gradient = new PolicyEvaluation(mdp).softmaxGradient(prior.probabilities());

        double[] theta = new PolicyGradientStep(STEP_SIZE, HypergradientOrder.FIRST).adapt(prior, exactRound(mdp, prior)).logits();

        // spec §2.8: ∇Ŝ(φ) = (1−γ)∇J(φ) when ν and Q are the exact visitation and action values of π_φ
        for (int i = 0; i < phi.length; i++) {
            assertThat((theta[i] - phi[i]) / STEP_SIZE).isCloseTo((1 - GAMMA) * gradient[i], within(EXACT));
        }
    }

    @Test
    void stepOnThreeArmedBanditMovesProbabilityTowardTheBestArmByTheHandComputedAmount()
    {
        // π_φ uniform, Q = (1, 0, 0), ν = 1: h = (1/3·(1 − 1/3), 1/3·(0 − 1/3), 1/3·(0 − 1/3)) = (2/9, −1/9, −1/9);
        // α = 9 gives θ = (2, −1, −1) and π_θ(0) = e²/(e² + 2e⁻¹) = e³/(e³ + 2) ≈ 0.909
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.constant(1, 3, 0);
        TabularRound round = new TabularRound(1, 3, new double[] {1, 0, 0}, new double[] {1}, 1.0 / 3, 0);

        TabularSoftmaxPolicy adapted = new PolicyGradientStep(9, HypergradientOrder.SECOND).adapt(prior, round);

        assertThat(adapted.logits()).containsExactly(new double[] {2, -1, -1}, within(EXACT));
        double best = Math.exp(3) / (Math.exp(3) + 2);
        assertThat(adapted.probability(0, 0)).isCloseTo(best, within(EXACT));
        assertThat(adapted.probability(0, 1)).isCloseTo((1 - best) / 2, within(EXACT));
        assertThat(adapted.probability(0, 0)).isGreaterThan(prior.probability(0, 0));
    }

    @Test
    void stepOnTwoArmedBanditWithThePapersStepSize()
    {
        // π_φ = (1/2, 1/2), Q = (1, 0), ν = 1: h = (1/4, −1/4); α = 50 gives θ = (12.5, −12.5), π_θ(0) = 1/(1 + e⁻²⁵)
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.constant(1, 2, 0.1);
        TabularRound round = new TabularRound(1, 2, new double[] {1, 0}, new double[] {1}, 0.5, 0);

        TabularSoftmaxPolicy adapted = new PolicyGradientStep(PolicyGradientFactory.DEFAULT_STEP_SIZE, HypergradientOrder.FIRST)
                .adapt(prior, round);

        assertThat(adapted.logits()).containsExactly(new double[] {12.6, -12.4}, within(EXACT));
        assertThat(adapted.probability(0, 0)).isCloseTo(1 / (1 + Math.exp(-25)), within(EXACT));
    }

    @Test
    void rejectsRoundOfAnotherShape()
    {
        PolicyGradientStep step = new PolicyGradientStep(STEP_SIZE, HypergradientOrder.SECOND);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.constant(2, 3, 0);
        TabularRound round = new TabularRound(2, 2, new double[4], new double[2], 0, 0);

        assertThatThrownBy(() -> step.adapt(prior, round)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|A|=2");
    }

    @Test
    void nonFiniteDataThrowsArithmeticExceptionNamingTheState()
    {
        PolicyGradientStep step = new PolicyGradientStep(STEP_SIZE, HypergradientOrder.SECOND);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.constant(2, 2, 0);
        TabularRound round = new TabularRound(2, 2, new double[] {0, 1, Double.NaN, 0}, new double[] {0.5, 0.5}, 0, 10);

        assertThatThrownBy(() -> step.adapt(prior, round)).isInstanceOf(ArithmeticException.class).hasMessageContaining("s=1");
    }

    @Test
    void rejectsNonPositiveStepSize()
    {
        assertThatThrownBy(() -> new PolicyGradientStep(0, HypergradientOrder.FIRST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0");
    }

    static TabularRound exactRound(TabularMdp mdp, TabularSoftmaxPolicy prior)
    {
        Evaluation evaluation = new PolicyEvaluation(mdp).evaluate(prior.probabilities());
        return new TabularRound(mdp.states(), mdp.actions(), evaluation.q(), evaluation.visitation(), evaluation.value(), 0);
    }

    /** Ŝ(φ) = Σ_s ν(s) Σ_a π_φ(a|s) Q(s,a), written out independently of the code under test. */
    static double surrogate(double[] phi, TabularRound round)
    {
        int actions = round.actions();
        double value = 0;
        for (int s = 0; s < round.states(); s++) {
            double normaliser = 0;
            double weighted = 0;
            for (int a = 0; a < actions; a++) {
                double weight = Math.exp(phi[s * actions + a]);
                normaliser += weight;
                weighted += weight * round.q(s, a);
            }
            value += round.visitation(s) * weighted / normaliser;
        }
        return value;
    }

    static double[] shifted(double[] x, int index, double delta)
    {
        double[] copy = x.clone();
        copy[index] += delta;
        return copy;
    }
}
