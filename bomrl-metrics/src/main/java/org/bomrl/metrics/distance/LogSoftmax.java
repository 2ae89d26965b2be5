package org.bomrl.metrics.distance;

/**
 * Allocation-free softmax pieces of one state's logits x_s = {@code x[offset … offset+|A|-1]}:
 * log Σ_b exp x_b and π_a = exp(x_a − log Σ_b exp x_b), computed on the fly so the distances need
 * no work buffers and stay thread-safe.
 */
final class LogSoftmax
{
    private LogSoftmax() {}

    /** log Σ_b exp x_{s,b}, with the maximum subtracted for stability. */
    static double logSumExp(double[] x, int offset, int actions)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, x[offset + a]);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += Math.exp(x[offset + a] - max);
        }
        return max + Math.log(sum);
    }

    /** π(a) = exp(x_{s,a} − logSumExp), given {@code logSumExp} of the same state. */
    static double probability(double[] x, int offset, int action, double logSumExp)
    {
        return Math.exp(x[offset + action] - logSumExp);
    }

    /** out = sign · F(π) with F(π) = diag(π) − ππᵀ, π = softmax(x_s): the softmax Jacobian (spec §3.6), |A|×|A| row-major. */
    static void jacobian(double[] x, int offset, int actions, double sign, double[] out)
    {
        double logZ = logSumExp(x, offset, actions);
        for (int i = 0; i < actions; i++) {
            out[i * actions + i] = probability(x, offset, i, logZ);
        }
        for (int i = 0; i < actions; i++) {
            double pi = out[i * actions + i];
            for (int j = 0; j < actions; j++) {
                if (j != i) {
                    out[i * actions + j] = -sign * pi * out[j * actions + j];
                }
            }
        }
        for (int i = 0; i < actions; i++) {
            double pi = out[i * actions + i];
            out[i * actions + i] = sign * (pi - pi * pi);
        }
    }

    /** log p_a − log q_a for the softmax distributions p, q of the logits {@code p}, {@code q} of one state. */
    static double logRatio(double[] p, double[] q, int offset, int action, double logZp, double logZq)
    {
        return (p[offset + action] - logZp) - (q[offset + action] - logZq);
    }

    /** KL(p‖q) = Σ_a p_a (log p_a − log q_a) for the softmax distributions of one state's logits, unclamped. */
    static double divergence(double[] p, double[] q, int offset, int actions, double logZp, double logZq)
    {
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += probability(p, offset, a, logZp) * logRatio(p, q, offset, a, logZp, logZq);
        }
        return sum;
    }

    /** The Kronecker delta δ_ij. */
    static double delta(int i, int j)
    {
        return i == j ? 1 : 0;
    }
}
