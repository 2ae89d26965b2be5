package org.bomrl.api.tck;

import org.bomrl.api.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The linear fixture meets the Gaussian-policy contract and has the project-wide parameter layout. */
class LinearGaussianPolicyContractTest
        extends GaussianPolicyContract
{
    private static final LinearGaussianPolicy POLICY = new LinearGaussianPolicy(3, 2);

    @Override
    protected GaussianPolicy policy()
    {
        return POLICY;
    }

    /** θ = [W (2×3 row-major), b, log σ] gives μ = W s + b by hand. */
    @Test
    void parameterLayoutIsWeightsThenBiasThenLogStd()
    {
        double[] theta = {1, 2, 3, 4, 5, 6, 0.5, -0.5, -0.7, 0.2};
        double[] s = {1, -1, 2};
        double[] means = new double[2];
        double[] logStd = new double[2];

        POLICY.outputs(theta, s, 1, means, logStd);

        assertThat(POLICY.parameterCount()).isEqualTo(10);
        assertThat(means).containsExactly(new double[] {1 - 2 + 6 + 0.5, 4 - 5 + 12 - 0.5}, within(1e-15));
        assertThat(logStd).containsExactly(-0.7, 0.2);
        assertThat(POLICY.weightIndex(1, 2)).isEqualTo(5);
        assertThat(POLICY.biasOffset()).isEqualTo(6);
        assertThat(POLICY.logStdOffset()).isEqualTo(8);
    }

    @Test
    void rejectsParametersOfTheWrongLength()
    {
        assertThatThrownBy(() -> POLICY.outputs(new double[9], new double[3], 1, new double[2], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 parameters");
    }
}
