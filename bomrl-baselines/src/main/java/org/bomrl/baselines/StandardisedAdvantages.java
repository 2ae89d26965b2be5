package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.numerics.stats.Standardisation;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * A Gaussian adaptation that sees every batch's advantages standardised,
 * Â_i ← (Â_i − mean Â) / (std Â + ε) over the batch of one task ({@link Standardisation}), before
 * its inner step, its meta-gradient and, through what the meta-gradient keeps, its outer objective: the "normalised advantages" of the reference codes
 * (pytorch-maml-rl's MAML-TRPO, ProMP; spec §7.3). Both the pre-update and the post-update batch's
 * advantages are standardised, each over its own batch, at meta-training and at meta-test.
 */
record StandardisedAdvantages(GaussianAdaptation delegate)
        implements GaussianAdaptation
{
    StandardisedAdvantages
    {
        requireNonNull(delegate, "delegate is null");
    }

    /** (Â − mean Â) / (std Â + ε) over the batch ({@link Standardisation}); a new array. */
    static double[] standardised(double[] advantages)
    {
        return Standardisation.standardised(advantages);
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        return delegate.adapt(policy, phi, batch, standardised(advantages));
    }

    @Override
    public AdaptationResult adaptRound(int round, GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        return delegate.adaptRound(round, policy, phi, batch, standardised(advantages));
    }

    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient)
    {
        return delegate.metaGradient(policy, phi, adapted, batch, standardised(advantages), adaptedGradient);
    }

    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
    {
        return delegate.metaGradient(policy, phi, adapted, batch, standardised(advantages), adaptedBatch, standardised(adaptedAdvantages));
    }

    @Override
    public List<MetaGradient> prepareMetaBatch(List<MetaGradient> metaBatch)
    {
        return delegate.prepareMetaBatch(metaBatch);
    }

    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        return delegate.surrogateLoss(policy, phiPrime, batch, metaGradient);
    }

    @Override
    public ToDoubleFunction<double[]> surrogateTerm(GaussianPolicy policy, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        return delegate.surrogateTerm(policy, batch, metaGradient);
    }

    @Override
    public void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
    {
        delegate.surrogateLossGradient(policy, phiPrime, batch, metaGradient, out);
    }

    @Override
    public String toString()
    {
        return delegate + ", advantages standardised";
    }
}
