package org.bomrl.metrics.compare;

import org.bomrl.api.context.RandomSource;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdaptedMetaParameterComparatorTest
{
    private static final double STEP = 1e-5;
    /** Central differences with h = 1e-5 on smooth objectives of size O(1): O(h²) + rounding ≈ 1e-9. */
    private static final double DIFFERENCE_TOLERANCE = 1e-7;
    /** Grid step 1e-3 on a smooth maximum: the grid maximum is below the true one by O(1e-6) at most. */
    private static final double GRID_TOLERANCE = 1e-5;

    @Test
    void hypergradientMatchesCentralDifferencesOfTheAdaptedObjective()
    {
        SplittableRandom random = RandomSource.seeded(21).derive("mdps").generator();
        List<PolicyEvaluation> infinite = List.of(new PolicyEvaluation(Mdps.random(random, 3, 2, 0.9)), new PolicyEvaluation(Mdps.random(random, 3, 2, 0.9)));
        List<PolicyEvaluation> finite = List.of(new PolicyEvaluation(Mdps.stayOrLeave(1.0, 1.5)), new PolicyEvaluation(Mdps.stayOrLeave(0.4, -0.2)));
        AdaptedMetaParameterComparator comparator = new AdaptedMetaParameterComparator(0.7, 10, 0.1, 1, 0);

        for (List<PolicyEvaluation> tasks : List.of(infinite, finite)) {
            double[] phi = new double[6];
            SplittableRandom draws = RandomSource.seeded(22).generator();
            for (int i = 0; i < phi.length; i++) {
                phi[i] = draws.nextGaussian();
            }
            phi = java.util.Arrays.copyOf(phi, tasks.get(0).mdp().states() * tasks.get(0).mdp().actions());
            double[] gradient = comparator.hypergradient(tasks, phi);
            double[] differences = CentralDifferences.gradient(point -> comparator.objective(tasks, point), phi, STEP);
            for (int i = 0; i < phi.length; i++) {
                assertThat(gradient[i]).as("∂F/∂φ[%d]", i).isCloseTo(differences[i], within(DIFFERENCE_TOLERANCE));
            }
        }
    }

    @Test
    void findsTheBruteForceOptimumOfTwoConflictingBandits()
    {
        // one state, horizon 1: task A pays (1, 0), task B pays (0, 0.5); Q = rewards whatever φ, so
        // F(d) = ½[σ(d + 1/λ)·1 + (1 − σ(d − 0.5/λ))·0.5] with d = φ₀ − φ₁, maximised over a fine grid
        double lambda = 0.5;
        List<ModelTask> tasks = List.of(new ModelTask("a", Mdps.bandit(1, 0)), new ModelTask("b", Mdps.bandit(0, 0.5)));
        double best = Double.NEGATIVE_INFINITY;
        for (double d = -10; d <= 10; d += 1e-3) {
            double value = 0.5 * (sigmoid(d + 1 / lambda) + 0.5 * (1 - sigmoid(d - 0.5 / lambda)));
            best = Math.max(best, value);
        }

        double[] reference = new AdaptedMetaParameterComparator(lambda, 3000, 0.05, 3, 1).referenceValues(tasks);

        assertThat((reference[0] + reference[1]) / 2).isCloseTo(best, within(GRID_TOLERANCE));
    }

    @Test
    void findsTheBruteForceOptimumOfAStayOrLeaveFamily()
    {
        // state 1 is absorbing without reward, so only d = φ(0,stay) − φ(0,leave) matters; F(d) is
        // evaluated exactly (policy evaluation of the adapted policies) on a grid
        double lambda = 0.8;
        List<ModelTask> tasks = List.of(new ModelTask("stay", Mdps.stayOrLeave(1.0, 0.2)), new ModelTask("leave", Mdps.stayOrLeave(-0.5, 1.2)));
        List<PolicyEvaluation> evaluations = MetaParameterComparator.evaluations(tasks);
        AdaptedMetaParameterComparator comparator = new AdaptedMetaParameterComparator(lambda, 3000, 0.05, 3, 1);
        double best = Double.NEGATIVE_INFINITY;
        for (double d = -10; d <= 10; d += 1e-3) {
            best = Math.max(best, comparator.objective(evaluations, new double[] {d, 0, 0, 0}));
        }

        double[] reference = comparator.referenceValues(tasks);

        assertThat((reference[0] + reference[1]) / 2).isCloseTo(best, within(GRID_TOLERANCE));
    }

    @Test
    void adaptingNeverLosesToTheBestUnadaptedSharedPolicy()
    {
        // an exact Alg(2) step is a soft policy-iteration step and does not lower J (spec §2.4.2), so
        // max_φ F(φ) ≥ max_φ mean_τ J_τ(π_φ)
        SplittableRandom random = RandomSource.seeded(31).derive("mdps").generator();
        List<ModelTask> tasks = List.of(new ModelTask("0", Mdps.random(random, 3, 2, 0.8)), new ModelTask("1", Mdps.random(random, 3, 2, 0.8)),
                new ModelTask("2", Mdps.random(random, 3, 2, 0.8)));

        double adapted = mean(new AdaptedMetaParameterComparator(0.3, 800, 0.05, 3, 0).referenceValues(tasks));
        double unadapted = mean(new MetaParameterComparator(2000, 0.1, 3, 0).referenceValues(tasks));

        assertThat(adapted).isGreaterThanOrEqualTo(unadapted - 1e-9);
    }

    private static double sigmoid(double x)
    {
        return 1 / (1 + Math.exp(-x));
    }

    private static double mean(double[] values)
    {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
