package org.bomrl.numerics.tabular;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.api.tck.RandomMdps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The one softmax of numerics against its definition, the API's table softmax, and the two KLs against their formulas. */
final class SoftmaxTest
{
    private static final int STATES = 3;
    private static final int ACTIONS = 4;
    /** A handful of roundings of exp, log and one division on logits of size ≤ 2. */
    private static final double ROUNDING = 1e-14;
    /** x_a − log Z for |x| ≈ 1000 loses ulp(1000) ≈ 1.1e-13 to cancellation. */
    private static final double LARGE_LOGITS = 1e-12;

    private final SplittableRandom random = RandomSource.seeded(29L).derive("softmax").generator();

    @Test
    void probabilitiesAreTheNormalisedExponentialsAndTheTableSoftmaxBitForBit()
    {
        double[] x = RandomMdps.logits(random, STATES * ACTIONS, 2);
        double[] table = new double[x.length];
        TabularSoftmaxPolicy.softmax(x, table, STATES, ACTIONS);
        double[] out = new double[ACTIONS];
        for (int s = 0; s < STATES; s++) {
            Softmax.probabilities(x, s * ACTIONS, ACTIONS, out);
            double sum = 0;
            for (int a = 0; a < ACTIONS; a++) {
                sum += Math.exp(x[s * ACTIONS + a]);
            }
            for (int a = 0; a < ACTIONS; a++) {
                assertThat(out[a]).isCloseTo(Math.exp(x[s * ACTIONS + a]) / sum, within(ROUNDING));
                assertThat(out[a]).as("the same arithmetic as the API's row softmax").isEqualTo(table[s * ACTIONS + a]);
            }
        }
    }

    @Test
    void logSumExpAndProbabilityAgreeWithTheDefinitionAndStayFiniteForLargeLogits()
    {
        double[] x = RandomMdps.logits(random, ACTIONS, 2);
        double sum = 0;
        for (double value : x) {
            sum += Math.exp(value);
        }
        double logZ = Softmax.logSumExp(x, 0, ACTIONS);
        assertThat(logZ).isCloseTo(Math.log(sum), within(ROUNDING));
        double[] out = new double[ACTIONS];
        Softmax.probabilities(x, 0, ACTIONS, out);
        for (int a = 0; a < ACTIONS; a++) {
            assertThat(Softmax.probability(x, 0, a, logZ)).isCloseTo(out[a], within(ROUNDING));
        }
        double[] large = {1000, 999, 0, -1000};
        double logLarge = Softmax.logSumExp(large, 0, 4);
        assertThat(logLarge).isCloseTo(1000 + Math.log(1 + Math.exp(-1)), within(LARGE_LOGITS));
        assertThat(Softmax.probability(large, 0, 0, logLarge)).isCloseTo(1 / (1 + Math.exp(-1)), within(LARGE_LOGITS));
    }

    @Test
    void klOfLogitsIsSumOfPLogPOverQAndZeroForShiftedLogits()
    {
        double[] p = RandomMdps.logits(random, ACTIONS, 2);
        double[] q = RandomMdps.logits(random, ACTIONS, 2);
        double[] pp = new double[ACTIONS];
        double[] qq = new double[ACTIONS];
        Softmax.probabilities(p, 0, ACTIONS, pp);
        Softmax.probabilities(q, 0, ACTIONS, qq);
        double expected = 0;
        for (int a = 0; a < ACTIONS; a++) {
            expected += pp[a] * Math.log(pp[a] / qq[a]);
        }
        double kl = Softmax.kl(p, q, 0, ACTIONS, Softmax.logSumExp(p, 0, ACTIONS), Softmax.logSumExp(q, 0, ACTIONS));
        assertThat(kl).isPositive().isCloseTo(expected, within(ROUNDING));
        double[] shifted = p.clone();
        for (int a = 0; a < ACTIONS; a++) {
            shifted[a] += 3;
        }
        assertThat(Softmax.kl(p, shifted, 0, ACTIONS, Softmax.logSumExp(p, 0, ACTIONS), Softmax.logSumExp(shifted, 0, ACTIONS))).isCloseTo(0, within(ROUNDING));
    }

    @Test
    void clippedKlClipsBothProbabilitiesInsideTheLogs()
    {
        double[] deterministic = {1, 0};
        double[] uniform = {0.5, 0.5};
        // p̃ = (1, 1e-4), q̃ = (0.5, 0.5): log 2 + 1e-4 log(2e-4)
        assertThat(Softmax.clippedKl(deterministic, uniform, 0, 2, 1e-4)).isCloseTo(Math.log(2) + 1e-4 * Math.log(2e-4), within(ROUNDING));
        // p̃ = (0.5, 0.5), q̃ = (1, 1e-4): 0.5 log 0.5 + 0.5 log 5000
        assertThat(Softmax.clippedKl(uniform, deterministic, 0, 2, 1e-4)).isCloseTo(0.5 * Math.log(0.5) + 0.5 * Math.log(5000), within(ROUNDING));
        assertThat(Softmax.clippedKl(new double[] {9, 0.2, 0.8}, new double[] {9, 0.2, 0.8}, 1, 2, 1e-4)).isZero();
    }
}
