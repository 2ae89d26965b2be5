package org.bomrl.metrics.distance;

/**
 * The per-dimension Gaussian KL divergence of spec §2.5 and its derivatives, in the coordinates
 * x = (μ₀, l₀, μ₁, l₁) with l = log σ:
 * <pre>
 *   k = KL(N(μ₀, σ₀²) ‖ N(μ₁, σ₁²)) = l₁ − l₀ + (σ₀² + (μ₀ − μ₁)²) / (2σ₁²) − ½
 *     = l₁ − l₀ + ½ r + ½ Δ² w − ½,      Δ = μ₀ − μ₁, w = e^{−2l₁}, r = e^{2(l₀ − l₁)}.
 * </pre>
 * Gradient: ∂k/∂μ₀ = Δw, ∂k/∂l₀ = r − 1, ∂k/∂μ₁ = −Δw, ∂k/∂l₁ = 1 − r − Δ²w. Hessian (symmetric):
 * ∂²k/∂μ₀² = ∂²k/∂μ₁² = w, ∂²k/∂μ₀∂μ₁ = −w, ∂²k/∂μ₀∂l₁ = −2Δw, ∂²k/∂μ₁∂l₁ = 2Δw,
 * ∂²k/∂l₀² = 2r, ∂²k/∂l₀∂l₁ = −2r, ∂²k/∂l₁² = 2r + 2Δ²w, and ∂²k/∂μ∂l₀ = 0.
 *
 * <p>The one kernel behind both KL directions: Alg(1) puts the prior in slot 0, Alg(2) the adapted
 * policy. Arrays of length 4 hold a vector over x in the order {@link #MEAN_0}, {@link #LOG_STD_0},
 * {@link #MEAN_1}, {@link #LOG_STD_1}. Stateless; allocates nothing.
 */
final class GaussianKl
{
    static final int MEAN_0 = 0;
    static final int LOG_STD_0 = 1;
    static final int MEAN_1 = 2;
    static final int LOG_STD_1 = 3;
    static final int COORDINATES = 4;

    private GaussianKl() {}

    /** k; l₁ − l₀ + ½(r − 1) is formed as ½ expm1(2(l₀ − l₁)) − (l₀ − l₁), exact near σ₀ = σ₁. */
    static double value(double mean0, double logStd0, double mean1, double logStd1)
    {
        double logRatio = logStd0 - logStd1;
        double difference = mean0 - mean1;
        return 0.5 * Math.expm1(2 * logRatio) - logRatio + 0.5 * difference * difference * Math.exp(-2 * logStd1);
    }

    /** out[0..3] = ∇ₓ k. */
    static void gradient(double mean0, double logStd0, double mean1, double logStd1, double[] out)
    {
        double difference = mean0 - mean1;
        double precision = Math.exp(-2 * logStd1);
        double ratioMinusOne = Math.expm1(2 * (logStd0 - logStd1));
        out[MEAN_0] = difference * precision;
        out[LOG_STD_0] = ratioMinusOne;
        out[MEAN_1] = -difference * precision;
        out[LOG_STD_1] = -ratioMinusOne - difference * difference * precision;
    }

    /** out[0..3] = (∇²ₓ k) v for v = (v[0], …, v[3]); {@code v} and {@code out} must differ. */
    static void hessianVector(double mean0, double logStd0, double mean1, double logStd1, double[] v, double[] out)
    {
        double difference = mean0 - mean1;
        double precision = Math.exp(-2 * logStd1);
        double ratio = Math.exp(2 * (logStd0 - logStd1));
        double meanDifference = v[MEAN_0] - v[MEAN_1];
        double cross = 2 * difference * precision;
        out[MEAN_0] = precision * meanDifference - cross * v[LOG_STD_1];
        out[LOG_STD_0] = 2 * ratio * (v[LOG_STD_0] - v[LOG_STD_1]);
        out[MEAN_1] = -precision * meanDifference + cross * v[LOG_STD_1];
        out[LOG_STD_1] = -cross * meanDifference - 2 * ratio * v[LOG_STD_0] + (2 * ratio + difference * cross) * v[LOG_STD_1];
    }
}
