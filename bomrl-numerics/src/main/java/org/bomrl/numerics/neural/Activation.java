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
    private static final double[] INVERSE_FACTORIALS = inverseFactorials(10);

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

    /** 1 + w/2! + w²/3! + … + w⁹/10! by Horner's rule. */
    private static double expm1Polynomial(double w)
    {
        double[] c = INVERSE_FACTORIALS;
        return 1 + w * (c[0] + w * (c[1] + w * (c[2] + w * (c[3] + w * (c[4] + w * (c[5] + w * (c[6] + w * (c[7] + w * c[8]))))))));
    }

    private static double[] inverseFactorials(int last)
    {
        double[] c = new double[last - 1];
        double factorial = 1;
        for (int k = 2; k <= last; k++) {
            factorial *= k;
            c[k - 2] = 1 / factorial;
        }
        return c;
    }
}
