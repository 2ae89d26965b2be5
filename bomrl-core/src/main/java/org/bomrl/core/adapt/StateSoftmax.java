package org.bomrl.core.adapt;

/** The softmax of one state's logits, π_θ(a) = exp θ_a / Σ_b exp θ_b, stable (max subtracted). */
final class StateSoftmax
{
    private StateSoftmax() {}

    /** out[a] = π_θ(a) for the |A| logits of {@code theta} starting at {@code offset}; allocates nothing. */
    static void probabilities(double[] theta, int offset, int actions, double[] out)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, theta[offset + a]);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            out[a] = Math.exp(theta[offset + a] - max);
            sum += out[a];
        }
        for (int a = 0; a < actions; a++) {
            out[a] /= sum;
        }
    }
}
