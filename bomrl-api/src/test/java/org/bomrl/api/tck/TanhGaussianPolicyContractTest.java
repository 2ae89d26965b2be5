package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The tanh fixture meets the Gaussian-policy contract, and its second-order output term is not zero. */
class TanhGaussianPolicyContractTest
        extends GaussianPolicyContract
{
    /** The second-order term must be this large somewhere, or the fixture would not exercise it. */
    private static final double SECOND_ORDER_THRESHOLD = 1e-2;
    private static final TanhGaussianPolicy POLICY = new TanhGaussianPolicy(3, 4, 2);

    @Override
    protected GaussianPolicy policy()
    {
        return POLICY;
    }

    @Test
    void secondOrderOutputTermIsNotZero()
    {
        SplittableRandom random = RandomSource.seeded(SEED).derive("second-order").generator();
        double[] theta = POLICY.initialParameters(RandomSource.seeded(SEED).derive("initial"));
        double[] observations = gaussian(random, STATES * 3);
        double[] out = new double[POLICY.parameterCount()];

        POLICY.outputHessianVector(theta, observations, STATES, gaussian(random, STATES * 2), gaussian(random, 2), new double[STATES * 2], new double[2],
                gaussian(random, POLICY.parameterCount()), out);

        assertThat(Math.sqrt(dot(out, out))).isGreaterThan(SECOND_ORDER_THRESHOLD);
    }

    @Test
    void parameterLayoutEndsWithOutputBiasThenLogStd()
    {
        assertThat(POLICY.parameterCount()).isEqualTo(3 * 4 + 4 + 4 * 2 + 2 + 2);
        assertThat(POLICY.hiddenBiasOffset()).isEqualTo(12);
        assertThat(POLICY.outputWeightIndex(1, 3)).isEqualTo(16 + 4 + 3);
        assertThat(POLICY.outputBiasOffset()).isEqualTo(24);
        assertThat(POLICY.logStdOffset()).isEqualTo(26);
    }
}
