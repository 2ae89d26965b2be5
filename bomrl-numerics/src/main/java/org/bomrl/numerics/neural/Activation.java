package org.bomrl.numerics.neural;

/**
 * Hidden-layer activations h = f(z) of a {@link GaussianMlpPolicy} (spec §5b: tanh). Derivatives
 * are expressed through the output h, which is all the backward passes keep: tanh' = 1 − h²,
 * tanh'' = −2h(1 − h²); relu' = 1[h &gt; 0], relu'' = 0.
 */
public enum Activation
{
    TANH, RELU;

    /** Taylor coefficients c_k of tanh z = Σ_k c_k z^{2k+1}, from T' = 1 − T²: (2k+1)c_k = −Σ_{i+j=k−1} c_i c_j. */
    private static final double[] TANH_SERIES = tanhSeries(9);

    /** Below this |z|, tanh is summed from its series; above it, 1 − 2/(e^{2|z|} + 1) loses no significant digits. */
    private static final double SERIES_LIMIT = 0.125;

    /** f(z). */
    public double apply(double z)
    {
        return this == TANH ? tanh(z) : Math.max(z, 0);
    }

    /** f'(z) from h = f(z). */
    public double derivative(double h)
    {
        return this == TANH ? 1 - h * h : (h > 0 ? 1 : 0);
    }

    /** f''(z) from h = f(z). */
    public double secondDerivative(double h)
    {
        return this == TANH ? -2 * h * (1 - h * h) : 0;
    }

    /**
     * tanh z with one intrinsic exponential and no data-dependent branch: the degree-17 Taylor
     * polynomial z·Σ_k c_k z^{2k} for |z| &lt; 1/8 (truncation error under 1e-18 relative) and
     * (1 − e)/(1 + e) with e = e^{−2|z|} above, both evaluated and one selected, the sign restored
     * by {@link Math#copySign}. Agrees with {@link Math#tanh} to a few ulps (about 2e-15 relative
     * at worst, just above 1/8); NaN stays NaN and ±∞ gives ±1. {@link Math#tanh} itself is not
     * an intrinsic on this JDK and costs about three times more; the branch-free form avoids the
     * mispredicted sign and range branches of hidden pre-activations, which are of either sign.
     */
    public static double tanh(double z)
    {
        double x = Math.abs(z);
        double x2 = x * x;
        double[] c = TANH_SERIES;
        double s = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            s = s * x2 + c[k];
        }
        double e = Math.exp(-2 * x);
        double t = x < SERIES_LIMIT ? x * s : (1 - e) / (1 + e);
        return Math.copySign(t, z);
    }

    private static double[] tanhSeries(int terms)
    {
        double[] c = new double[terms];
        c[0] = 1;
        for (int k = 1; k < terms; k++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += c[i] * c[k - 1 - i];
            }
            c[k] = -s / (2 * k + 1);
        }
        return c;
    }
}
