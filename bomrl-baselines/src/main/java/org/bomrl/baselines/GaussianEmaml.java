package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * E-MAML on Gaussian policies (spec §7.3, arXiv 1803.01118): one REINFORCE inner step on the
 * pre-update batch 𝒟 of π_φ,
 * <pre>θ(φ) = φ + α ∇_φ mean_𝒟(log π_φ(a|s)·Â)</pre>
 * ({@link InnerStep} with {@link InnerObjective#REINFORCE}), and the task's outer objective with
 * the exploration term,
 * <pre>ℓ_τ(φ') = −mean_𝒟'(r'Â') − R̃_τ · mean_𝒟(log π_φ'(a|s)),   r' = π_θ(φ')(a|s) / π_θ(φo)(a|s),</pre>
 * R̃_τ = mean over 𝒟' of the post-update rewards standardised over the whole meta-batch,
 * (R − μ)/(σ + 1e-8) with μ, σ the mean and (population) standard deviation of every post-update
 * reward of the meta-batch. One task cannot see the meta-batch, so {@link #metaGradient} returns
 * h with R̃_τ = 0 and keeps in the state what {@link #standardised} needs to put it in:
 * [R̃_τ, N', Σ_j R_j, Σ_j R_j², s (n), 𝒟' samples, Â (N)], s = mean_𝒟 ∇_φ log π_φ(a|s) at φo,
 * the pre-update samples as {@link PostUpdateSamples} (which repeat N'). Immutable and thread-safe.
 */
final class GaussianEmaml
        implements GaussianAdaptation
{
    /** Added to the standard deviation of the rewards (the reference code's 1e-8). */
    static final double STANDARDISATION_EPSILON = 1e-8;
    private static final int HEADER = 4;

    private final InnerStep step;

    GaussianEmaml(double stepSize)
    {
        this.step = new InnerStep(InnerObjective.REINFORCE, stepSize);
    }

    InnerStep step()
    {
        return step;
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        return step.adapt(policy, phi, batch, advantages, step.stepSize(), "one REINFORCE step");
    }

    /** @throws UnsupportedOperationException always: E-MAML's outer objective needs the post-update batch 𝒟' */
    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient)
    {
        throw new UnsupportedOperationException("E-MAML's outer objective needs the post-update batch: call metaGradient(..., adaptedBatch, adaptedAdvantages)");
    }

    /** h = −∇ℓ_τ(φ) with R̃_τ = 0 (the exploration term added by {@link #standardised}). */
    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
    {
        requireNonNull(adapted, "adapted is null");
        int n = phi.length;
        int rows = batch.steps();
        if (advantages.length != rows) {
            throw new IllegalArgumentException("advantages has " + advantages.length + " entries for a batch of " + rows + " steps");
        }
        PostUpdateSamples samples = PostUpdateSamples.of(policy, adapted.theta(), adaptedBatch, adaptedAdvantages);
        double[] state = new double[HEADER + n + samples.length() + rows];
        double sum = 0;
        double sumSquares = 0;
        for (double reward : adaptedBatch.rewards()) {
            sum += reward;
            sumSquares += reward * reward;
        }
        state[1] = adaptedBatch.steps();
        state[2] = sum;
        state[3] = sumSquares;
        double[] weights = new double[rows];
        Arrays.fill(weights, 1.0 / rows);
        double[] s = new double[n];
        policy.scoreGradient(phi, batch, weights, s, null);
        System.arraycopy(s, 0, state, HEADER, n);
        samples.writeTo(state, HEADER + n);
        System.arraycopy(advantages, 0, state, HEADER + n + samples.length(), rows);
        MetaGradient unexplored = new MetaGradient(new double[n], state, false);
        double[] h = new double[n];
        surrogateLossGradient(policy, phi, batch, unexplored, h);
        for (int i = 0; i < n; i++) {
            h[i] = -h[i];
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("E-MAML meta-gradient h[" + i + "] = " + h[i] + " is not finite");
            }
        }
        return new MetaGradient(h, state, false);
    }

    /**
     * The meta-batch's meta-gradients with R̃_τ put in: state[0] = R̃_τ = (Σ_j R_j/N'_τ − μ)/(σ + 1e-8)
     * and h_τ + R̃_τ s_τ (= −∇ℓ_τ(φ) with the exploration term). μ and σ over all post-update
     * rewards of the meta-batch. Inputs are not modified.
     *
     * @param metaBatch the meta-gradients {@link #metaGradient} returned, R̃ not yet set
     */
    @Override
    public List<MetaGradient> prepareMetaBatch(List<MetaGradient> metaBatch)
    {
        return standardised(metaBatch);
    }

    List<MetaGradient> standardised(List<MetaGradient> metaBatch)
    {
        double count = 0;
        double sum = 0;
        double sumSquares = 0;
        for (MetaGradient metaGradient : metaBatch) {
            double[] state = metaGradient.state();
            if (state.length < HEADER + metaGradient.h().length || state[0] != 0) {
                throw new IllegalArgumentException("not an unstandardised E-MAML meta-gradient: state of " + state.length + " values, R̃ = " + (state.length > 0 ? state[0] : "none"));
            }
            count += state[1];
            sum += state[2];
            sumSquares += state[3];
        }
        double mean = sum / count;
        double deviation = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
        List<MetaGradient> out = new ArrayList<>(metaBatch.size());
        for (MetaGradient metaGradient : metaBatch) {
            double[] state = metaGradient.state().clone();
            double standardised = (state[2] / state[1] - mean) / (deviation + STANDARDISATION_EPSILON);
            state[0] = standardised;
            double[] h = metaGradient.h().clone();
            for (int i = 0; i < h.length; i++) {
                h[i] += standardised * state[HEADER + i];
            }
            out.add(new MetaGradient(h, state, metaGradient.truncated()));
        }
        return out;
    }

    /** s = mean_𝒟 ∇_φ log π_φ(a|s) at φo, from the state of a meta-gradient of this algorithm (a copy). */
    static double[] meanPreUpdateScore(MetaGradient metaGradient)
    {
        int n = metaGradient.h().length;
        if (metaGradient.state().length < HEADER + n) {
            throw new IllegalArgumentException("E-MAML meta-gradient state has " + metaGradient.state().length + " values, fewer than " + (HEADER + n));
        }
        double[] s = new double[n];
        System.arraycopy(metaGradient.state(), HEADER, s, 0, n);
        return s;
    }

    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        double[] state = metaGradient.state();
        PostUpdateSamples samples = samples(policy, phiPrime, batch, state);
        double[] advantages = preAdvantages(batch, state);
        double[] theta = step.theta(policy, phiPrime, batch, advantages, step.stepSize());
        TrajectoryBatch rows = samples.rows();
        double[] scores = new double[rows.steps()];
        policy.logProbabilities(theta, rows, scores);
        double[] old = rows.dataLogProbabilities();
        double[] a = samples.advantages();
        double post = 0;
        for (int j = 0; j < scores.length; j++) {
            post += Math.exp(scores[j] - old[j]) * a[j];
        }
        double[] pre = new double[batch.steps()];
        policy.logProbabilities(phiPrime, batch, pre);
        double meanLog = 0;
        for (double value : pre) {
            meanLog += value;
        }
        return -post / scores.length - state[0] * meanLog / pre.length;
    }

    /** out = −(I + α∇²Ĵ_𝒟(φ'))ᵀ mean_𝒟'(r'Â'∇_θ log π_θ) − R̃_τ mean_𝒟 ∇_φ' log π_φ'. */
    @Override
    public void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
    {
        int n = phiPrime.length;
        double[] state = metaGradient.state();
        PostUpdateSamples samples = samples(policy, phiPrime, batch, state);
        double[] advantages = preAdvantages(batch, state);
        double[] theta = step.theta(policy, phiPrime, batch, advantages, step.stepSize());
        TrajectoryBatch rows = samples.rows();
        int m = rows.steps();
        double[] scores = new double[m];
        policy.logProbabilities(theta, rows, scores);
        double[] old = rows.dataLogProbabilities();
        double[] a = samples.advantages();
        double[] weights = new double[m];
        for (int j = 0; j < m; j++) {
            weights[j] = -Math.exp(scores[j] - old[j]) * a[j] / m;
        }
        double[] g = new double[n];
        policy.scoreGradient(theta, rows, weights, g, null);
        step.jacobianTransposeTimes(policy, phiPrime, batch, advantages, g, out);
        double[] exploration = new double[batch.steps()];
        Arrays.fill(exploration, -state[0] / batch.steps());
        policy.scoreGradient(phiPrime, batch, exploration, g, null);
        for (int i = 0; i < n; i++) {
            out[i] += g[i];
        }
    }

    private static PostUpdateSamples samples(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] state)
    {
        int offset = HEADER + phi.length;
        PostUpdateSamples samples = PostUpdateSamples.readFrom(state, offset, batch.taskId(), policy.observationDimension(), policy.actionDimension());
        if (state.length != offset + samples.length() + batch.steps()) {
            throw new IllegalArgumentException("E-MAML meta-gradient state has " + state.length + " values; expected " + offset + " (R̃, N', ΣR, ΣR², s) + " + samples.length()
                    + " (post-update samples) + " + batch.steps() + " (the batch's advantages)");
        }
        return samples;
    }

    private static double[] preAdvantages(TrajectoryBatch batch, double[] state)
    {
        int n = batch.steps();
        double[] advantages = new double[n];
        System.arraycopy(state, state.length - n, advantages, 0, n);
        return advantages;
    }

    @Override
    public String toString()
    {
        return "GaussianEmaml[α=" + step.stepSize() + "]";
    }
}
