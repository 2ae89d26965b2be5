package org.bomrl.core.adapt;

import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adapt.bomrl}'s {@code exactHypergradient} (spec §3.2, §3.6): its prior part equals central
 * differences of φ ↦ J(θ*(φ; Q)) and its action-value part central differences of
 * Q ↦ J(θ*(φ; Q)), each with the other held fixed, Richardson-extrapolated (steps 1e-3, 5e-4), on
 * random MDPs (γ = 0.9), whatever meta-gradient the method is configured with.
 */
class ExactHypergradientFiniteDifferenceTest
{
    private static final double RELATIVE = 1e-6;
    private static final double GAMMA = 0.9;
    private static final double STEP = 1e-3;
    /** The finite-difference gradient must be far from zero for the comparison to mean something. */
    private static final double NONTRIVIAL = 1e-3;

    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();

    record Case(String label, Map<String, String> settings, int states, int actions, long seed)
    {
        @Override
        public String toString()
        {
            return label + " |S|=" + states + " |A|=" + actions;
        }
    }

    static Stream<Case> penalised()
    {
        return Stream.of(
                new Case("Alg(1) root-finding", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED, "lambda", "0.5", "hypergradient", "first-order"), 4, 3, 1),
                new Case("Alg(1) generic Newton", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED, "solver", "generic", "lambda", "0.5"), 3, 3, 2),
                new Case("Alg(2) closed form", Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "lambda", "0.4", "hypergradient", "first-order"), 4, 3, 3),
                new Case("Alg(3) squared Euclidean (logits)", Map.of("distance", "distance.squared-euclidean", "lambda", "2"), 4, 3, 4),
                new Case("squared Euclidean (probabilities)", Map.of("distance", "distance.squared-euclidean-probabilities", "lambda", "5"), 3, 3, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalised")
    void bothPartsEqualFiniteDifferences(Case c)
    {
        SplittableRandom random = RandomSource.seeded(c.seed()).derive("exact-hypergradient").generator();
        TabularMdp mdp = RandomMdps.mdp(random, c.states(), c.actions(), GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, c.states() * c.actions(), 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        BomrlAdaptation algorithm = COMPONENTS.bomrl(c.settings());
        TabularRound round = objective.round();
        TabularSoftmaxPolicy prior = objective.policy(phi);
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);

        ExactHypergradient exact = algorithm.exactHypergradient(prior, adapted, round, objective.adaptedGradient(adapted)).get();
        double[] priorDifferences = objective.finiteDifferences(algorithm, phi);
        double[] actionValueDifferences = actionValueDifferences(algorithm, mdp, prior, round);

        assertThat(norm(priorDifferences)).isGreaterThan(NONTRIVIAL);
        assertThat(norm(actionValueDifferences)).isGreaterThan(NONTRIVIAL);
        assertThat(ExactMetaObjective.relativeError(exact.prior(), priorDifferences)).as("prior part %s vs FD %s", Arrays.toString(exact.prior()),
                Arrays.toString(priorDifferences)).isLessThan(RELATIVE);
        assertThat(ExactMetaObjective.relativeError(exact.actionValues(), actionValueDifferences)).as("action-value part %s vs FD %s",
                Arrays.toString(exact.actionValues()), Arrays.toString(actionValueDifferences)).isLessThan(RELATIVE);
    }

    @Test
    void noExactDerivativesForTheTrustRegionAndTheAsCodedSolver()
    {
        SplittableRandom random = RandomSource.seeded(9).derive("exact-hypergradient").generator();
        TabularMdp mdp = RandomMdps.mdp(random, 3, 3, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, 9, 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        for (Map<String, String> settings : java.util.List.of(Map.of("constraint", "trust-region"), Map.of("solver", "as-coded"))) {
            BomrlAdaptation algorithm = COMPONENTS.bomrl(settings);
            TabularSoftmaxPolicy prior = objective.policy(phi);
            TabularSoftmaxPolicy adapted = algorithm.adapt(prior, objective.round());

            assertThat(algorithm.exactHypergradient(prior, adapted, objective.round(), objective.adaptedGradient(adapted)).isEmpty()).as("%s", settings).isTrue();
        }
    }

    /** ∂J(θ*(φ; Q))/∂Q(s,a) by Richardson extrapolation of central differences, ν held fixed. */
    private static double[] actionValueDifferences(BomrlAdaptation algorithm, TabularMdp mdp, TabularSoftmaxPolicy prior, TabularRound round)
    {
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
        double[] q = round.q();
        double[] gradient = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double coarse = central(algorithm, evaluation, prior, round, q, i, STEP);
            double fine = central(algorithm, evaluation, prior, round, q, i, STEP / 2);
            gradient[i] = (4 * fine - coarse) / 3;
        }
        return gradient;
    }

    private static double central(BomrlAdaptation algorithm, PolicyEvaluation evaluation, TabularSoftmaxPolicy prior, TabularRound round, double[] q, int i,
            double step)
    {
        double[] plus = q.clone();
        double[] minus = q.clone();
        plus[i] += step;
        minus[i] -= step;
        return (value(algorithm, evaluation, prior, round, plus) - value(algorithm, evaluation, prior, round, minus)) / (2 * step);
    }

    private static double value(BomrlAdaptation algorithm, PolicyEvaluation evaluation, TabularSoftmaxPolicy prior, TabularRound round, double[] q)
    {
        TabularRound perturbed = new TabularRound(round.states(), round.actions(), q, round.visitation(), round.meanReturn(), 0);
        return evaluation.value(algorithm.adapt(prior, perturbed).probabilities());
    }

    private static double norm(double[] x)
    {
        return Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
    }
}
