package org.bomrl.baselines;

import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.DifferentiablePolicy;

import static java.util.Objects.requireNonNull;

/**
 * The post-update batch 𝒟' of one task as the outer objectives of ProMP and E-MAML need it (spec
 * §7.3): its observations and actions (as one episode, with the log-probabilities
 * ℓ'_j = log π_θ(φ_o)(a_j|s_j) of the adapted policy as data log-probabilities) and its advantages
 * Â'. Packed into {@code MetaGradient.state} as [N', Â' (N'), ℓ' (N'), observations (N'·d_s),
 * actions (N'·d_a)] so that it travels with the meta-gradient. Immutable by convention: arrays are
 * shared, not copied.
 */
final class PostUpdateSamples
{
    private final TrajectoryBatch rows;
    private final double[] advantages;

    private PostUpdateSamples(TrajectoryBatch rows, double[] advantages)
    {
        this.rows = rows;
        this.advantages = advantages;
    }

    /** 𝒟' with ℓ' recomputed at the adapted parameters θ (not modified). */
    static PostUpdateSamples of(DifferentiablePolicy policy, double[] theta, TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
    {
        requireNonNull(adaptedBatch, "adaptedBatch is null");
        requireNonNull(adaptedAdvantages, "adaptedAdvantages is null");
        int n = adaptedBatch.steps();
        if (n < 1) {
            throw new IllegalArgumentException("the post-update batch is empty");
        }
        if (adaptedAdvantages.length != n) {
            throw new IllegalArgumentException("adaptedAdvantages has " + adaptedAdvantages.length + " entries for a post-update batch of " + n + " steps");
        }
        double[] logProbabilities = new double[n];
        policy.logProbabilities(theta, adaptedBatch, logProbabilities);
        return new PostUpdateSamples(single(adaptedBatch.taskId(), adaptedBatch.observationDimension(), adaptedBatch.actionDimension(), adaptedBatch.observations(),
                adaptedBatch.actions(), logProbabilities), adaptedAdvantages.clone());
    }

    /** The samples packed at {@code offset} of {@code state} by {@link #writeTo}. */
    static PostUpdateSamples readFrom(double[] state, int offset, String taskId, int observationDimension, int actionDimension)
    {
        if (state.length <= offset) {
            throw new IllegalArgumentException("meta-gradient state has " + state.length + " values; the post-update samples start at " + offset);
        }
        double count = state[offset];
        int n = (int) count;
        if (n != count || n < 1 || state.length < offset + length(n, observationDimension, actionDimension)) {
            throw new IllegalArgumentException("meta-gradient state has " + state.length + " values, too few for " + count + " post-update rows at offset " + offset);
        }
        int at = offset + 1;
        double[] advantages = slice(state, at, n);
        at += n;
        double[] logProbabilities = slice(state, at, n);
        at += n;
        double[] observations = slice(state, at, n * observationDimension);
        at += n * observationDimension;
        double[] actions = slice(state, at, n * actionDimension);
        return new PostUpdateSamples(single(taskId, observationDimension, actionDimension, observations, actions, logProbabilities), advantages);
    }

    /** The number of state values the samples take. */
    int length()
    {
        return length(rows.steps(), rows.observationDimension(), rows.actionDimension());
    }

    static int length(int rows, int observationDimension, int actionDimension)
    {
        return 1 + rows * (2 + observationDimension + actionDimension);
    }

    /** Writes [N', Â', ℓ', observations, actions] at {@code offset}. */
    void writeTo(double[] state, int offset)
    {
        int n = rows.steps();
        state[offset] = n;
        int at = offset + 1;
        System.arraycopy(advantages, 0, state, at, n);
        at += n;
        System.arraycopy(rows.dataLogProbabilities(), 0, state, at, n);
        at += n;
        System.arraycopy(rows.observations(), 0, state, at, rows.observations().length);
        at += rows.observations().length;
        System.arraycopy(rows.actions(), 0, state, at, rows.actions().length);
    }

    /** 𝒟' as a batch whose data log-probabilities are ℓ'. */
    TrajectoryBatch rows()
    {
        return rows;
    }

    /** Â'. */
    double[] advantages()
    {
        return advantages;
    }

    private static TrajectoryBatch single(String taskId, int observationDimension, int actionDimension, double[] observations, double[] actions, double[] logProbabilities)
    {
        int n = logProbabilities.length;
        return new TrajectoryBatch(taskId, observationDimension, actionDimension, new int[] {0, n}, observations, actions, new double[n], logProbabilities, new boolean[n],
                new boolean[n], new double[observationDimension]);
    }

    private static double[] slice(double[] state, int from, int length)
    {
        double[] out = new double[length];
        System.arraycopy(state, from, out, 0, length);
        return out;
    }
}
