package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

final class ImprovementBoundTest
{
    private static final double TOLERANCE = 1e-12;

    @Test
    void boundNeverExceedsTheTrueImprovementAndIsExactAtIdentity()
    {
        RandomSource random = RandomSource.seeded(5);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            SplittableRandom generator = random.derive(trial).generator();
            TabularMdp mdp = RandomMdps.mdp(generator, 5, 3, 0.5 + 0.45 * generator.nextDouble(), TabularMdp.INFINITE_HORIZON);
            double[] policy = RandomMdps.policy(generator, 5, 3);
            double[] improved = mix(policy, RandomMdps.policy(generator, 5, 3), generator.nextDouble());
            PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
            Evaluation base = evaluation.evaluate(policy);
            double trueImprovement = evaluation.value(improved) - base.value();

            assertThat(ImprovementBound.lowerBound(mdp, base, policy, improved)).isLessThanOrEqualTo(trueImprovement + TOLERANCE);
            assertThat(ImprovementBound.lowerBound(mdp, base, policy, policy)).isCloseTo(0, within(TOLERANCE));
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    @Test
    void boundIsTightToFirstOrderForSmallSteps()
    {
        RandomSource random = RandomSource.seeded(9);
        SplittableRandom generator = random.generator();
        TabularMdp mdp = RandomMdps.mdp(generator, 4, 3, 0.9, TabularMdp.INFINITE_HORIZON);
        double[] policy = RandomMdps.policy(generator, 4, 3);
        double[] improved = mix(policy, RandomMdps.policy(generator, 4, 3), 1e-4);
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
        Evaluation base = evaluation.evaluate(policy);
        double trueImprovement = evaluation.value(improved) - base.value();

        // the penalty is second order in the step (ε and TV are both O(step)), the surrogate is exact to first order
        assertThat(ImprovementBound.lowerBound(mdp, base, policy, improved)).isCloseTo(trueImprovement, within(Math.abs(trueImprovement) * 1e-2));
    }

    @Test
    void finiteHorizonIsRejected()
    {
        TabularMdp finite = new TabularMdp(1, 1, new double[] {1}, new double[] {1}, 0.9, 5, new double[] {1});
        Evaluation evaluation = new PolicyEvaluation(finite).evaluate(new double[] {1});
        assertThatThrownBy(() -> ImprovementBound.lowerBound(finite, evaluation, new double[] {1}, new double[] {1})).hasMessageContaining("infinite-horizon");
    }

    private static double[] mix(double[] a, double[] b, double weight)
    {
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (1 - weight) * a[i] + weight * b[i];
        }
        return result;
    }
}
