package org.bomrl.baselines;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact mode on random MDPs: Q and ν of π_φ are computed once and held fixed, F(φ') =
 * J(π_{θ(φ')}) with θ(φ') = φ' + α·h(φ'; Q, ν), and the hypergradient with g = ∇J(π_θ) must equal
 * central differences of F.
 */
class PolicyGradientHypergradientTest
{
    private static final int STATES = 4;
    private static final int ACTIONS = 3;
    /** Required agreement ‖h_meta − ∇F_fd‖∞ ≤ RELATIVE·‖h_meta‖∞. */
    private static final double RELATIVE = 1e-6;
    /**
     * Finite-difference step ε = SCALE/√α: the third derivative of F grows with α, so the step
     * shrinks with it; the observed agreement is about 1e-10 relative in every case below.
     */
    private static final double FINITE_DIFFERENCE_SCALE = 1e-4;

    private final RandomSource source = RandomSource.seeded(31415L).derive("hypergradient");

    @ParameterizedTest(name = "γ={0}, H={1}, α={2}, trial {3}")
    @CsvSource({
            "0.9, 0, 1, 0",
            "0.9, 0, 50, 1",
            "0.8, 0, 50, 2",
            "1.0, 6, 5, 3",
            "0.8, 49, 50, 4",
    })
    void secondOrderEqualsFiniteDifferencesOfExactMetaObjective(double gamma, int horizon, double stepSize, int trial)
    {
        RandomSource trialSource = source.derive(trial);
        TabularMdp mdp = RandomMdps.mdp(trialSource.derive("mdp").generator(), STATES, ACTIONS, gamma, horizon);
        double[] phi = RandomMdps.logits(trialSource.derive("logits").generator(), STATES * ACTIONS, 1);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, phi);
        TabularRound round = PolicyGradientStepTest.exactRound(mdp, prior);
        PolicyGradientStep step = new PolicyGradientStep(stepSize, HypergradientOrder.SECOND);
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);

        TabularSoftmaxPolicy adapted = step.adapt(prior, round);
        double[] hypergradient = step.hypergradient(prior, adapted, round, evaluation.softmaxGradient(adapted.probabilities()));

        double[] numeric = metaObjectiveGradient(step, evaluation, phi, round, FINITE_DIFFERENCE_SCALE / Math.sqrt(stepSize));
        assertThat(maxDifference(hypergradient, numeric)).isLessThanOrEqualTo(RELATIVE * maxNorm(hypergradient));
        // the curvature term matters here: first order alone would fail the same check
        double[] firstOrder = new PolicyGradientStep(stepSize, HypergradientOrder.FIRST)
                .hypergradient(prior, adapted, round, evaluation.softmaxGradient(adapted.probabilities()));
        assertThat(maxDifference(firstOrder, numeric)).isGreaterThan(RELATIVE * maxNorm(hypergradient));
    }

    @ParameterizedTest(name = "α={0}")
    @CsvSource({"1", "50"})
    void firstOrderIsTheAdaptedGradient(double stepSize)
    {
        TabularMdp mdp = RandomMdps.mdp(source.derive("first").derive("mdp").generator(), STATES, ACTIONS, 0.9, TabularMdp.INFINITE_HORIZON);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, RandomMdps.logits(source.derive("first").derive("logits").generator(), STATES * ACTIONS, 1));
        TabularRound round = PolicyGradientStepTest.exactRound(mdp, prior);
        PolicyGradientStep step = new PolicyGradientStep(stepSize, HypergradientOrder.FIRST);
        TabularSoftmaxPolicy adapted = step.adapt(prior, round);
        double[] g = new PolicyEvaluation(mdp).softmaxGradient(adapted.probabilities());
        double[] original = g.clone();

        double[] hypergradient = step.hypergradient(prior, adapted, round, g);

        assertThat(hypergradient).containsExactly(original).isNotSameAs(g);
        assertThat(g).containsExactly(original);
    }

    /** Central differences of F(φ') = J(π_{φ' + α h(φ'; Q, ν)}) with the round fixed. */
    private static double[] metaObjectiveGradient(PolicyGradientStep step, PolicyEvaluation evaluation, double[] phi, TabularRound round, double epsilon)
    {
        double[] gradient = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            double plus = metaObjective(step, evaluation, PolicyGradientStepTest.shifted(phi, i, epsilon), round);
            double minus = metaObjective(step, evaluation, PolicyGradientStepTest.shifted(phi, i, -epsilon), round);
            gradient[i] = (plus - minus) / (2 * epsilon);
        }
        return gradient;
    }

    private static double metaObjective(PolicyGradientStep step, PolicyEvaluation evaluation, double[] phi, TabularRound round)
    {
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(round.states(), round.actions(), phi);
        return evaluation.value(step.adapt(prior, round).probabilities());
    }

    private static double maxDifference(double[] x, double[] y)
    {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    private static double maxNorm(double[] x)
    {
        return maxDifference(x, new double[x.length]);
    }
}
