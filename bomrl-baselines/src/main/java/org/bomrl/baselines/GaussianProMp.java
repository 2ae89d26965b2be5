package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import static java.util.Objects.requireNonNull;

/**
 * ProMP on Gaussian policies (spec §7.3, arXiv 1810.06784): one LVC inner step on the pre-update
 * batch 𝒟 of π_φ,
 * <pre>θ(φ) = φ + α ∇_φ J^LVC_𝒟(φ),   J^LVC = mean_𝒟(Â · π_φ(a|s)/π_φo(a|s))</pre>
 * ({@link InnerStep} with {@link InnerObjective#LIKELIHOOD_RATIO}), and the task's clipped outer
 * objective on the post-update batch 𝒟' of π_θ(φo),
 * <pre>ℓ_τ(φ') = −mean_𝒟'( min(r'Â', clip(r', 1−ε, 1+ε)Â') ),   r' = π_θ(φ')(a|s) / π_θ(φo)(a|s),</pre>
 * θ(φ') recomputed from the inner step, so ∇ℓ_τ(φ') = (I + α∇²J^LVC_𝒟(φ'))ᵀ ∇_θ ℓ_τ, exact through
 * the inner step (Hessian-vector products). At φ' = φo, r' = 1 and h = −∇ℓ_τ(φo) is MAML's
 * second-order meta-gradient with the LVC inner objective. The KL penalty η·KL(π_φo‖π_φ') is the
 * outer optimiser's ({@link ProMpEpochs}). {@link MetaGradient#state()} holds the
 * {@link PostUpdateSamples} of 𝒟' followed by the pre-update advantages Â (N values). Immutable
 * and thread-safe.
 */
final class GaussianProMp
        implements GaussianAdaptation
{
    private final InnerStep step;
    private final double clip;

    /** @param clip ε of the clipped objective, in (0, 1) */
    GaussianProMp(double stepSize, double clip)
    {
        this.step = new InnerStep(InnerObjective.LIKELIHOOD_RATIO, stepSize);
        if (!(clip > 0 && clip < 1)) {
            throw new IllegalArgumentException("clip ε must be in (0, 1): " + clip);
        }
        this.clip = clip;
    }

    InnerStep step()
    {
        return step;
    }

    double clip()
    {
        return clip;
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        return step.adapt(policy, phi, batch, advantages, step.stepSize(), "one LVC step");
    }

    /** @throws UnsupportedOperationException always: ProMP's outer objective needs the post-update batch 𝒟' */
    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient)
    {
        throw new UnsupportedOperationException("ProMP's clipped outer objective needs the post-update batch: call metaGradient(..., adaptedBatch, adaptedAdvantages)");
    }

    /** h = −∇ℓ_τ(φ), state = [𝒟' samples, Â]. */
    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
    {
        requireNonNull(adapted, "adapted is null");
        if (advantages.length != batch.steps()) {
            throw new IllegalArgumentException("advantages has " + advantages.length + " entries for a batch of " + batch.steps() + " steps");
        }
        PostUpdateSamples samples = PostUpdateSamples.of(policy, adapted.theta(), adaptedBatch, adaptedAdvantages);
        double[] state = new double[samples.length() + advantages.length];
        samples.writeTo(state, 0);
        System.arraycopy(advantages, 0, state, samples.length(), advantages.length);
        double[] h = new double[phi.length];
        gradient(policy, phi, batch, advantages, samples, h);
        for (int i = 0; i < h.length; i++) {
            h[i] = -h[i];
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("ProMP meta-gradient h[" + i + "] = " + h[i] + " is not finite");
            }
        }
        return new MetaGradient(h, state, false);
    }

    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        PostUpdateSamples samples = samples(policy, batch, metaGradient);
        double[] theta = step.theta(policy, phiPrime, batch, preAdvantages(batch, metaGradient), step.stepSize());
        TrajectoryBatch rows = samples.rows();
        double[] scores = new double[rows.steps()];
        policy.logProbabilities(theta, rows, scores);
        double[] old = rows.dataLogProbabilities();
        double[] a = samples.advantages();
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            double r = Math.exp(scores[j] - old[j]);
            sum += Math.min(r * a[j], Math.min(Math.max(r, 1 - clip), 1 + clip) * a[j]);
        }
        return -sum / scores.length;
    }

    @Override
    public void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
    {
        gradient(policy, phiPrime, batch, preAdvantages(batch, metaGradient), samples(policy, batch, metaGradient), out);
    }

    /**
     * out = (I + α∇²J^LVC(φ'))ᵀ Σ_j w_j ∇_θ log π_θ(a_j|s_j) with w_j = −r'_j Â'_j / N' where the
     * unclipped term is the minimum (r' ≤ 1+ε for Â' ≥ 0, r' ≥ 1−ε for Â' &lt; 0) and 0 where the
     * clipped constant is.
     */
    private void gradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, double[] advantages, PostUpdateSamples samples, double[] out)
    {
        double[] theta = step.theta(policy, phiPrime, batch, advantages, step.stepSize());
        TrajectoryBatch rows = samples.rows();
        int n = rows.steps();
        double[] scores = new double[n];
        policy.logProbabilities(theta, rows, scores);
        double[] old = rows.dataLogProbabilities();
        double[] a = samples.advantages();
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            double r = Math.exp(scores[j] - old[j]);
            boolean unclipped = a[j] >= 0 ? r <= 1 + clip : r >= 1 - clip;
            weights[j] = unclipped ? -r * a[j] / n : 0;
        }
        double[] g = new double[phiPrime.length];
        policy.scoreGradient(theta, rows, weights, g, null);
        step.jacobianTransposeTimes(policy, phiPrime, batch, advantages, g, out);
    }

    private static PostUpdateSamples samples(GaussianPolicy policy, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        double[] state = metaGradient.state();
        PostUpdateSamples samples = PostUpdateSamples.readFrom(state, 0, batch.taskId(), policy.observationDimension(), policy.actionDimension());
        if (state.length != samples.length() + batch.steps()) {
            throw new IllegalArgumentException("ProMP meta-gradient state has " + state.length + " values; expected " + samples.length() + " (post-update samples) + "
                    + batch.steps() + " (the batch's advantages)");
        }
        return samples;
    }

    private static double[] preAdvantages(TrajectoryBatch batch, MetaGradient metaGradient)
    {
        double[] state = metaGradient.state();
        int n = batch.steps();
        if (state.length < n) {
            throw new IllegalArgumentException("ProMP meta-gradient state has " + state.length + " values, fewer than the batch's " + n + " advantages");
        }
        double[] advantages = new double[n];
        System.arraycopy(state, state.length - n, advantages, 0, n);
        return advantages;
    }

    @Override
    public String toString()
    {
        return "GaussianProMp[α=" + step.stepSize() + ", ε=" + clip + "]";
    }
}
