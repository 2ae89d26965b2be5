package org.bomrl.core.adapt;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.tck.RandomMdps;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.SoftmaxDerivatives;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The hypergradient strategies' special cases: first-order versus implicit for Alg(2) (spec §3.6:
 * ∂θ*∕∂φ = I − 11ᵀ/|A| per state), the as-coded solver's implicit formula at 4λ, the inactive
 * trust region, and detection of singular systems (spec §3.4).
 */
class HypergradientDegeneracyTest
{
    private static final int STATES = 5;
    private static final int ACTIONS = 3;
    private static final double GAMMA = 0.9;
    /** Alg(2)'s H⁺C is the projector up to rounding in a pseudo-inverse of condition ≲ 1e3. */
    private static final double PROJECTOR = 1e-11;
    /** The converged as-coded iterate matches the exact 4λ solution to ≈ 1e-12, its Jacobian to a few digits less. */
    private static final double AS_CODED_MATCH = 1e-8;

    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();

    private final SplittableRandom random = RandomSource.seeded(31L).derive("degenerate").generator();

    @Test
    void alg2ImplicitHypergradientIsTheFirstOrderOneProjectedOnOnesComplement()
    {
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        BomrlAdaptation implicit = COMPONENTS.bomrl(Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "lambda", "0.3"));
        BomrlAdaptation firstOrder = COMPONENTS.bomrl(Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "lambda", "0.3", "hypergradient", "first-order"));
        TabularSoftmaxPolicy prior = objective.policy(phi);
        TabularSoftmaxPolicy adapted = implicit.adapt(prior, objective.round());
        // an arbitrary g with a component along 1 in every state, so the projection shows
        double[] g = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] projected = g.clone();
        for (int s = 0; s < STATES; s++) {
            SoftmaxDerivatives.projectOnesComplement(projected, s * ACTIONS, ACTIONS);
        }

        double[] h = implicit.hypergradient(prior, adapted, objective.round(), g);
        double[] first = firstOrder.hypergradient(prior, adapted, objective.round(), g);
        double[] policyGradient = objective.adaptedGradient(adapted);

        assertThat(first).containsExactly(g);
        for (int i = 0; i < g.length; i++) {
            assertThat(h[i]).isCloseTo(projected[i], within(PROJECTOR));
        }
        // the exact policy gradient already lies in ⊕_s 1^⊥: both strategies agree on it
        double[] onGradient = implicit.hypergradient(prior, adapted, objective.round(), policyGradient);
        for (int i = 0; i < g.length; i++) {
            assertThat(onGradient[i]).isCloseTo(policyGradient[i], within(PROJECTOR));
        }
    }

    @Test
    void asCodedImplicitHypergradientIsAlg1sAtFourLambda()
    {
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        BomrlAdaptation asCoded = COMPONENTS.bomrl(Map.of("solver", "as-coded", "lambda", "0.25", "as_coded_steps", "20000", "as_coded_learning_rate", "0.2"));
        BomrlAdaptation exact = COMPONENTS.bomrl(Map.of("solver", "exact", "lambda", "1.0"));

        double[] viaAsCoded = objective.hypergradient(asCoded, phi);
        double[] viaExact = objective.hypergradient(exact, phi);

        assertThat(ExactMetaObjective.relativeError(viaAsCoded, viaExact)).isLessThan(AS_CODED_MATCH);
    }

    @Test
    void inactiveTrustRegionHasZeroHypergradient()
    {
        TabularMdp mdp = RandomMdps.mdp(random, STATES, ACTIONS, GAMMA, TabularMdp.INFINITE_HORIZON);
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        ExactMetaObjective objective = new ExactMetaObjective(mdp, phi);
        // KL(π‖π_φ) ≤ −log min π_φ ≈ 3 at any policy: δ = 100 never binds
        BomrlAdaptation algorithm = COMPONENTS.bomrl(Map.of("distance", BomrlSettings.KL_ADAPTED_PRIOR, "constraint", "trust-region", "delta", "100"));
        TabularSoftmaxPolicy prior = objective.policy(phi);

        TrustRegionSolution solution = algorithm.solveTrustRegion(prior, objective.round());
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, objective.round());
        double[] h = algorithm.hypergradient(prior, adapted, objective.round(), objective.adaptedGradient(adapted));

        assertThat(solution.active()).isFalse();
        assertThat(solution.mu()).isZero();
        assertThat(solution.constraintValue()).isLessThan(100);
        assertThat(h).containsOnly(0.0);
        // the returned policy approximates the greedy one: nearly deterministic in every state
        for (int s = 0; s < STATES; s++) {
            double largest = 0;
            for (int a = 0; a < ACTIONS; a++) {
                largest = Math.max(largest, adapted.probability(s, a));
            }
            assertThat(largest).isGreaterThan(0.999);
        }
    }

    @Test
    void singularLowerLevelHessianIsDetectedAndNamesTheState()
    {
        // squared Euclidean on logits: H_s = 2λI − M(π, Q_s); choose λ = λ_max(M)/2 for state 2 at a given adapted policy
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] theta = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 3);
        TabularRound round = new TabularRound(STATES, ACTIONS, q, uniformVisitation(), 0, 0);
        TabularSoftmaxPolicy adapted = TabularSoftmaxPolicy.of(STATES, ACTIONS, theta);
        int state = 2;
        double[] m = new double[ACTIONS * ACTIONS];
        SoftmaxDerivatives.surrogateHessian(adapted.probabilities(), q, state * ACTIONS, ACTIONS, m);
        double largest = largestEigenvalue(m);
        assertThat(largest).as("crafted case needs a positive eigenvalue of M").isPositive();
        BomrlAdaptation algorithm = COMPONENTS.bomrl(Map.of("distance", "distance.squared-euclidean", "lambda", Double.toString(largest / 2)));
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, ACTIONS, phi);

        assertThatThrownBy(() -> algorithm.hypergradient(prior, adapted, round, new double[STATES * ACTIONS]))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("state " + state)
                .hasMessageContaining("condition number");
    }

    @Test
    void singularKktSystemIsDetected()
    {
        // no state visited: ∇_θD = 0, LICQ fails and the KKT matrix has a zero row
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 3);
        double[] theta = new RootFindingAlg1().solveAll(phi, q, STATES, ACTIONS, 0.5);
        KktHypergradient kkt = new KktHypergradient(COMPONENTS.tabularDistance(BomrlSettings.KL_PRIOR_ADAPTED));

        assertThatThrownBy(() -> kkt.compute(phi, theta, q, new double[STATES], STATES, ACTIONS, 0.5, new double[STATES * ACTIONS]))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("KKT system")
                .hasMessageContaining("condition number");
    }

    @Test
    void genericSolverReportsNonConvergenceWithStateAndGradientNorm()
    {
        double[] phi = RandomMdps.logits(random, STATES * ACTIONS, 1);
        double[] q = RandomMdps.logits(random, STATES * ACTIONS, 3);
        TabularRound round = new TabularRound(STATES, ACTIONS, q, uniformVisitation(), 0, 0);
        BomrlAdaptation algorithm = COMPONENTS.bomrl(Map.of("distance", "distance.squared-euclidean", "lambda", "1", "max_iterations", "1"));

        assertThatThrownBy(() -> algorithm.adapt(TabularSoftmaxPolicy.of(STATES, ACTIONS, phi), round))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("state 0")
                .hasMessageContaining("gradient norm");
    }

    private static double largestEigenvalue(double[] symmetric)
    {
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(ACTIONS, false, true);
        if (!eigen.decompose(DMatrixRMaj.wrap(ACTIONS, ACTIONS, symmetric.clone()))) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eigen.getNumberOfEigenvalues(); i++) {
            largest = Math.max(largest, eigen.getEigenvalue(i).real);
        }
        return largest;
    }

    private static double[] uniformVisitation()
    {
        double[] visitation = new double[STATES];
        java.util.Arrays.fill(visitation, 1.0 / STATES);
        return visitation;
    }
}
