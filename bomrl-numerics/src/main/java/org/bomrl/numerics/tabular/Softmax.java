package org.bomrl.numerics.tabular;

/**
 * The softmax of one state's logits x_s = {@code x[offset … offset+|A|−1]}, π(a) = exp x_a / Σ_b exp x_b
 * (spec §2.2), with the maximum subtracted for stability; allocates nothing. Two evaluation forms of
 * the one map, each bit-for-bit the one its callers have always used:
 * {@link #probabilities} normalises exp(x_a − max x) by its sum into a caller's buffer (the solvers;
 * the same arithmetic as {@code TabularSoftmaxPolicy.softmax} row by row), and
 * {@link #probability} gives one entry exp(x_a − log Σ_b exp x_b) on the fly from {@link #logSumExp},
 * for code that has no buffer (the stateless, thread-safe distances) or needs log π_a = x_a − log Z
 * itself. The two agree to a few ulps, not bitwise; the guarded tabular results depend on each in
 * its place, so neither replaces the other.
 */
public final class Softmax
{
    private Softmax() {}

    /** out[a] = π(a) for a = 0 … |A|−1: exp(x_a − max x) / Σ_b exp(x_b − max x). */
    public static void probabilities(double[] x, int offset, int actions, double[] out)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, x[offset + a]);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            out[a] = Math.exp(x[offset + a] - max);
            sum += out[a];
        }
        for (int a = 0; a < actions; a++) {
            out[a] /= sum;
        }
    }

    /** log Z = log Σ_b exp x_b = max x + log Σ_b exp(x_b − max x). */
    public static double logSumExp(double[] x, int offset, int actions)
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

    /** π(a) = exp(x_a − log Z), given {@code logSumExp} = log Z of the same state. */
    public static double probability(double[] x, int offset, int action, double logSumExp)
    {
        return Math.exp(x[offset + action] - logSumExp);
    }

    /**
     * KL(p‖q) = Σ_a p_a (log p_a − log q_a) for the softmax distributions of one state's logits
     * {@code p} and {@code q}, with log p_a = p_a − log Z_p; unclamped (may round to a tiny negative).
     */
    public static double kl(double[] p, double[] q, int offset, int actions, double logZp, double logZq)
    {
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            sum += probability(p, offset, a, logZp) * logRatio(p, q, offset, a, logZp, logZq);
        }
        return sum;
    }

    /**
     * Σ_a p̃_a log(p̃_a / q̃_a) with the probabilities {@code p}, {@code q} of one state clipped to
     * p̃ = min(1, max(clip, p)): the KL of the bound-line recipe of the paper's plotting script (spec §4),
     * which clips inside the logs. It is not {@link #kl} with a floor: the clipped vectors are not
     * renormalised (so it is finite where q has zeros and KL(p‖q) is not), and the guarded bound
     * lines are computed with exactly this arithmetic.
     */
    public static double clippedKl(double[] p, double[] q, int offset, int actions, double clip)
    {
        double divergence = 0;
        for (int a = offset; a < offset + actions; a++) {
            double pa = Math.min(1, Math.max(clip, p[a]));
            double qa = Math.min(1, Math.max(clip, q[a]));
            divergence += pa * Math.log(pa / qa);
        }
        return divergence;
    }

    /** log p_a − log q_a = (p_a − log Z_p) − (q_a − log Z_q) for the logits {@code p}, {@code q} of one state. */
    public static double logRatio(double[] p, double[] q, int offset, int action, double logZp, double logZq)
    {
        return (p[offset + action] - logZp) - (q[offset + action] - logZq);
    }
}
