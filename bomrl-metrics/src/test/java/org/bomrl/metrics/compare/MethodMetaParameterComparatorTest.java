package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.compare.ComparedMethod;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The per-method meta-parameter comparator (spec §1.3) with a hand-written Alg(2): its total
 * hypergradient (prior part plus the data's dependence on φ) equals central differences of
 * F(φ) = mean_τ J_τ(Alg(π_φ, τ)), and its reference equals the built-in Alg(2) comparator's.
 */
class MethodMetaParameterComparatorTest
{
    private static final double STEP = 1e-5;
    /** Central differences with h = 1e-5 on smooth objectives of size O(1): O(h²) + rounding ≈ 1e-9. */
    private static final double DIFFERENCE_TOLERANCE = 1e-7;
    /** Two ascents of the same objective from the same starts, by different code. */
    private static final double AGREEMENT = 1e-9;
    /** J(uniform) on stayOrLeave(1, 1.5): 1.5 + 1/2 − 1/8. */
    private static final double UNIFORM_STAY_OR_LEAVE = 1.875;
    /** sup_p 1.5 + p − p²/2 at p = 1. */
    private static final double BEST_STAY_OR_LEAVE = 2;

    @Test
    void totalHypergradientMatchesCentralDifferencesOfTheAdaptedObjective()
    {
        SplittableRandom random = RandomSource.seeded(31).derive("mdps").generator();
        List<PolicyEvaluation> infinite = List.of(new PolicyEvaluation(Mdps.random(random, 3, 2, 0.9)), new PolicyEvaluation(Mdps.random(random, 3, 2, 0.9)));
        List<PolicyEvaluation> finite = List.of(new PolicyEvaluation(Mdps.stayOrLeave(1.0, 1.5)), new PolicyEvaluation(Mdps.stayOrLeave(0.4, -0.2)));
        MethodMetaParameterComparator comparator = new MethodMetaParameterComparator("alg2", new MirrorDescentStep(0.7), new AscentSettings(10, 0.1, 1, 0));

        for (List<PolicyEvaluation> tasks : List.of(infinite, finite)) {
            int size = tasks.get(0).mdp().states() * tasks.get(0).mdp().actions();
            double[] phi = new double[size];
            SplittableRandom draws = RandomSource.seeded(32).generator();
            for (int i = 0; i < size; i++) {
                phi[i] = draws.nextGaussian();
            }
            double[] gradient = comparator.hypergradient(tasks, phi);
            double[] differences = CentralDifferences.gradient(point -> comparator.objective(tasks, point), phi, STEP);
            for (int i = 0; i < size; i++) {
                assertThat(gradient[i]).as("∂F/∂φ[%d]", i).isCloseTo(differences[i], within(DIFFERENCE_TOLERANCE));
            }
        }
    }

    @Test
    void withAlg2ItAgreesWithTheAlg2Comparator()
    {
        SplittableRandom random = RandomSource.seeded(33).derive("mdps").generator();
        List<ModelTask> tasks = List.of(new ModelTask("a", Mdps.random(random, 3, 2, 0.9)), new ModelTask("b", Mdps.random(random, 3, 2, 0.9)));
        double lambda = 0.5;

        double[] own = new OwnAlgorithmMetaParameterComparator(new AscentSettings(200, 0.1, 3, 4)).forMethod(method(new MirrorDescentStep(lambda))).referenceValues(tasks);
        double[] alg2 = new AdaptedMetaParameterComparator(lambda, 200, 0.1, 3, 4).referenceValues(tasks);

        assertThat(Arrays.stream(own).average().orElseThrow()).isCloseTo(Arrays.stream(alg2).average().orElseThrow(), within(AGREEMENT));
    }

    /** Without exact derivatives the comparator differentiates numerically instead of refusing (spec §1.3). */
    @Test
    void needsAMethodAndATabularAlgorithm()
    {
        List<ModelTask> tasks = List.of(new ModelTask("a", Mdps.stayOrLeave(1.0, 1.5)));
        OwnAlgorithmMetaParameterComparator comparator = new OwnAlgorithmMetaParameterComparator(new AscentSettings(5, 0.1, 1, 0));
        TabularAdaptation withoutDerivatives = new TabularAdaptation()
        {
            @Override
            public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
            {
                return prior;
            }

            @Override
            public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
            {
                return adaptedGradient.clone();
            }
        };
        AdaptationAlgorithm gaussianOnly = new AdaptationAlgorithm() {};
        AdaptationAlgorithm tabular = new AdaptationAlgorithm()
        {
            @Override
            public Option<TabularAdaptation> tabular()
            {
                return Option.some(withoutDerivatives);
            }
        };

        assertThatThrownBy(() -> comparator.referenceValues(tasks)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per method");
        assertThatThrownBy(() -> comparator.forMethod(method(gaussianOnly))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method m").hasMessageContaining("tabular");
        OptimalityComparator numerical = comparator.forMethod(method(tabular));
        double[] reference = numerical.referenceValues(tasks);
        // θ = φ: F(φ) = J(π_φ) = 1.5 + p − p²/2 with p = π(stay|0), 1.875 at the uniform start, at most 2 (p = 1)
        assertThat(reference[0]).isGreaterThan(UNIFORM_STAY_OR_LEAVE).isLessThanOrEqualTo(BEST_STAY_OR_LEAVE);
        assertThat(numerical.toString()).contains("derivatives=finite-differences");
    }

    private static ComparedMethod method(AdaptationAlgorithm algorithm)
    {
        return new ComparedMethod()
        {
            @Override
            public String id()
            {
                return "m";
            }

            @Override
            public AdaptationAlgorithm algorithm()
            {
                return algorithm;
            }
        };
    }
}
