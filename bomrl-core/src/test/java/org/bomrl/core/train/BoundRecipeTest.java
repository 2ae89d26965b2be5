package org.bomrl.core.train;

import org.bomrl.numerics.tabular.Softmax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

final class BoundRecipeTest
{
    private static final double TOLERANCE = 1e-15;

    @Test
    void clippedKlFollowsThePaperScript()
    {
        double[] deterministic = {1, 0};
        double[] uniform = {0.5, 0.5};
        // p clipped to (1, 1e-4), not renormalised: 1·log(1/0.5) + 1e-4·log(1e-4/0.5)
        assertThat(Softmax.clippedKl(deterministic, uniform, 0, 2, 1e-4)).isCloseTo(Math.log(2) + 1e-4 * Math.log(2e-4), within(TOLERANCE));
        // q clipped: 0.5·log(0.5/1) + 0.5·log(0.5/1e-4)
        assertThat(Softmax.clippedKl(uniform, deterministic, 0, 2, 1e-4)).isCloseTo(0.5 * Math.log(0.5) + 0.5 * Math.log(5000), within(TOLERANCE));
        assertThat(Softmax.clippedKl(new double[] {9, 0.2, 0.8}, new double[] {9, 0.2, 0.8}, 1, 2, 1e-4)).isZero();
    }
}
