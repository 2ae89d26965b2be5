package org.bomrl.core.adapt;

/**
 * The smoothed importance-ratio surrogate of spec §2.5 as a per-row function of the score
 * ℓ_i = log π_θ(a_i|s_i): L(θ) = Σ_i f_i(ℓ_i) with
 * <pre>f_i(ℓ) = −(Â_i/N)·2σ(2r − 2),  r = exp(ℓ − ℓ_i^data),  σ the logistic sigmoid,</pre>
 * f_i' = c_i s(1−s) r and f_i'' = c_i [2(1−2s) s(1−s) r² + s(1−s) r] with c_i = −4Â_i/N and
 * s = σ(2r − 2). Weights are scaled by {@code scale} (1/λ in the lower level g = L/λ + D).
 */
final class SmoothedSurrogate
{
    private SmoothedSurrogate() {}

    /** L(θ) from the current scores. */
    static double value(double[] scores, double[] dataScores, double[] advantages)
    {
        int n = scores.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.exp(scores[i] - dataScores[i]);
            sum += -advantages[i] / n * 2 * sigmoid(2 * r - 2);
        }
        return sum;
    }

    /** first[i] = scale·f_i'(ℓ_i) and, when {@code second} is not null, second[i] = scale·f_i''(ℓ_i). */
    static void derivatives(double[] scores, double[] dataScores, double[] advantages, double scale, double[] first, double[] second)
    {
        int n = scores.length;
        for (int i = 0; i < n; i++) {
            double r = Math.exp(scores[i] - dataScores[i]);
            double s = sigmoid(2 * r - 2);
            double c = -4 * advantages[i] / n * scale;
            double slope = s * (1 - s);
            first[i] = c * slope * r;
            if (second != null) {
                second[i] = c * (2 * (1 - 2 * s) * slope * r * r + slope * r);
            }
        }
    }

    private static double sigmoid(double x)
    {
        return 1 / (1 + Math.exp(-x));
    }
}
