package org.bomrl.core.adapt;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 3 "Must show": the implicit (spec §3.2, §3.6) and KKT (spec §3.3) hypergradients equal
 * Richardson-extrapolated central differences of the exact meta-objective F(φ) = J(θ*(φ; Q, ν)),
 * data held fixed, on random MDPs (γ = 0.9), to 1e-6 relative.
 */
class HypergradientFiniteDifferenceTest
{
    private static final double RELATIVE = 1e-6;
    private static final double GAMMA = 0.9;
    /** The finite-difference gradient must be far from zero for the comparison to mean something. */
    private static final double NONTRIVIAL = 1e-3;
    /** The trust-region search stops at adjacent doubles of μ; D(θ*) = δ to rounding. */
    private static final double CONSTRAINT_MATCH = 1e-10;

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
                new Case("Alg(1) root-finding", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED, "solver", "exact", "lambda", "0.5"), 5, 3, 1),
                new Case("Alg(1) root-finding", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED, "solver", "exact", "lambda", "0.2"), 4, 4, 2),
                new Case("Alg(1) generic Newton", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED, "solver", "generic", "lambda", "0.5"), 4, 3, 3),
                new Case("Alg(2) closed form", Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "solver", "exact", "lambda", "0.5"), 5, 3, 4),
                new Case("Alg(2) closed form", Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "lambda", "0.3"), 6, 4, 5),
                new Case("Alg(3) squared Euclidean (logits), generic", Map.of("distance", "distance.squared-euclidean", "lambda", "2"), 5, 3, 6),
                new Case("Alg(3) squared Euclidean (logits), generic", Map.of("distance", "distance.squared-euclidean", "lambda", "1"), 4, 4, 7),
                new Case("squared Euclidean (probabilities), generic", Map.of("distance", "distance.squared-euclidean-probabilities", "lambda", "5"), 4, 3,
                        8));
    }

    static Stream<Case> constrained()
    {
        return Stream.of(
                new Case("trust region, KL(π_φ‖π) root-finding", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED), 5, 3, 11),
                new Case("trust region, KL(π_φ‖π) root-finding", Map.of("distance", BomrlSettings.KL_PRIOR_ADAPTED), 4, 4, 12),
                new Case("trust region, KL(π‖π_φ) closed form", Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR), 5, 3, 13),
                new Case("trust region, squared Euclidean generic", Map.of("distance", "distance.squared-euclidean"), 4, 3, 14));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalised")
    void implicitHypergradientEqualsFiniteDifferences(Case c)
    {
        SplittableRandom random = RandomSource.seeded(c.seed()).derive("implicit").generator();
        TabularMdp mdp = RandomMdps.mdp(random, c.states(), c.actions(), GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, c.states() * c.actions(), 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        BomrlAdaptation algorithm = COMPONENTS.bomrl(with(c.settings(), "hypergradient", "implicit"));

        double[] hypergradient = objective.hypergradient(algorithm, phi);
        double[] reference = objective.finiteDifferences(algorithm, phi);

        assertThat(norm(reference)).isGreaterThan(NONTRIVIAL);
        assertThat(ExactMetaObjective.relativeError(hypergradient, reference)).as("‖h − FD‖/‖FD‖, h=%s, FD=%s", Arrays.toString(hypergradient),
                Arrays.toString(reference)).isLessThan(RELATIVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constrained")
    void kktHypergradientEqualsFiniteDifferencesWithActiveConstraint(Case c)
    {
        SplittableRandom random = RandomSource.seeded(c.seed()).derive("kkt").generator();
        TabularMdp mdp = RandomMdps.mdp(random, c.states(), c.actions(), GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, c.states() * c.actions(), 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        checkKkt(objective, phi, c.settings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constrained")
    void kktHypergradientHandlesStatesOfZeroVisitation(Case c)
    {
        SplittableRandom random = RandomSource.seeded(c.seed()).derive("kkt-unvisited").generator();
        TabularMdp mdp = RandomMdps.mdp(random, c.states(), c.actions(), GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, c.states() * c.actions(), 1);
        TabularRound exact = new ExactMetaObjective(mdp, phi).round();
        double[] visitation = exact.visitation();
        double removed = visitation[1];
        visitation[1] = 0;
        for (int s = 0; s < visitation.length; s++) {
            visitation[s] /= 1 - removed;
        }
        TabularRound round = new TabularRound(exact.states(), exact.actions(), exact.q(), visitation, exact.meanReturn(), 0);
        checkKkt(new ExactMetaObjective(mdp, round), phi, c.settings());
    }

    /** δ = half the constraint value of the penalised solution at λ = 1, so the constraint binds with μ* &gt; 1. */
    private static void checkKkt(ExactMetaObjective objective, double[] phi, Map<String, String> settings)
    {
        BomrlAdaptation penalised = COMPONENTS.bomrl(with(settings, "lambda", "1"));
        TabularRound round = objective.round();
        double unconstrained = new TrustRegionSolver(COMPONENTS.tabularDistance(settings.get("distance")), 1, 1).constraint(
                penalised.adapt(objective.policy(phi), round).logits(), phi, round.visitation(), round.states(), round.actions());
        double delta = unconstrained / 2;
        BomrlAdaptation algorithm = COMPONENTS.bomrl(with(with(with(settings, "constraint", "trust-region"), "delta", Double.toString(delta)), "lambda",
                "1"));

        TrustRegionSolution solution = algorithm.solveTrustRegion(objective.policy(phi), round);
        double[] hypergradient = objective.hypergradient(algorithm, phi);
        double[] reference = objective.finiteDifferences(algorithm, phi);

        assertThat(solution.active()).isTrue();
        assertThat(solution.mu()).isGreaterThan(1);
        assertThat(solution.constraintValue()).isCloseTo(delta, within(CONSTRAINT_MATCH * delta));
        assertThat(norm(reference)).isGreaterThan(NONTRIVIAL);
        assertThat(ExactMetaObjective.relativeError(hypergradient, reference)).as("‖h − FD‖/‖FD‖, h=%s, FD=%s", Arrays.toString(hypergradient),
                Arrays.toString(reference)).isLessThan(RELATIVE);
    }

    static Map<String, String> with(Map<String, String> settings, String key, String value)
    {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(settings);
        copy.put(key, value);
        return Map.copyOf(copy);
    }

    static double norm(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
