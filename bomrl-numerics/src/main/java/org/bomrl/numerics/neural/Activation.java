package org.bomrl.numerics.neural;

/**
 * Hidden-layer activations h = f(z) of a {@link GaussianMlpPolicy} (spec §5b: tanh). Derivatives
 * are expressed through the output h, which is all the backward passes keep: tanh' = 1 − h²,
 * tanh'' = −2h(1 − h²); relu' = 1[h &gt; 0], relu'' = 0.
 */
public enum Activation
{
    TANH, RELU;

    /** Beyond ±this, tanh z rounds to ±1 in double precision (1 − tanh 19.1 ≈ 5e-17, under half an ulp of 1). */
    private static final double SATURATION = 19.1;

    /** Halvings of the exponent: w = −2z/2⁹, |w| ≤ 0.075 after the clamp. */
    private static final int DOUBLINGS = 9;

    private static final double EXPONENT_SCALE = -2.0 / (1 << DOUBLINGS);

    /** 1/k! for k = 2 … 10: expm1 w = w(1 + w/2! + … + w⁹/10!), truncation under 2e-19 relative for |w| ≤ 0.075. */
    private static final double F2 = 1.0 / 2;
    private static final double F3 = 1.0 / 6;
    private static final double F4 = 1.0 / 24;
    private static final double F5 = 1.0 / 120;
    private static final double F6 = 1.0 / 720;
    private static final double F7 = 1.0 / 5040;
    private static final double F8 = 1.0 / 40320;
    private static final double F9 = 1.0 / 362880;
    private static final double F10 = 1.0 / 3628800;

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
     * tanh z = −m/(m + 2) with m = e^{−2z} − 1, by arithmetic alone: z clamped to
     * ±{@value #SATURATION}, m₀ = expm1(w) for w = −2z/2⁹ from its degree-10
     * Taylor polynomial, then {@value #DOUBLINGS} doublings e^{2y} − 1 = (e^y − 1)(e^y + 1), i.e.
     * m ← m(m + 2). Within about 1e-15 relative of {@link Math#tanh}; NaN stays NaN, ±∞ gives ±1,
     * ±0 stays ±0. No library call and no branch, so the same on every JVM and CPU, and
     * {@link #tanhInPlace} evaluates exactly these operations in loops the JIT vectorises.
     */
    public static double tanh(double z)
    {
        double w = Math.max(Math.min(z, SATURATION), -SATURATION) * EXPONENT_SCALE;
        double m = w * expm1Polynomial(w);
        for (int d = 0; d < DOUBLINGS; d++) {
            m = m * (m + 2);
        }
        return -m / (m + 2);
    }

    /**
     * z[from … from + count − 1] ← tanh of themselves, bit for bit as {@link #tanh}, one
     * operation at a time over the whole range (each pass a loop simple enough to vectorise).
     */
    public static void tanhInPlace(double[] z, int from, int count)
    {
        int end = from + count;
        for (int i = from; i < end; i++) {
            double w = Math.max(Math.min(z[i], SATURATION), -SATURATION) * EXPONENT_SCALE;
            z[i] = w * expm1Polynomial(w);
        }
        for (int d = 0; d < DOUBLINGS; d++) {
            for (int i = from; i < end; i++) {
                double m = z[i];
                z[i] = m * (m + 2);
            }
        }
        for (int i = from; i < end; i++) {
            double m = z[i];
            z[i] = -m / (m + 2);
        }
    }

    /** 1 + w/2! + w²/3! + … + w⁹/10! by Horner's rule (constants, not an array, so the in-place passes vectorise). */
    private static double expm1Polynomial(double w)
    {
        return 1 + w * (F2 + w * (F3 + w * (F4 + w * (F5 + w * (F6 + w * (F7 + w * (F8 + w * (F9 + w * F10))))))));
    }
}
