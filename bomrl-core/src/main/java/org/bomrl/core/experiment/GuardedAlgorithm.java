package org.bomrl.core.experiment;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A method's adaptation algorithm as its learners see it: every call is forwarded unchanged, the
 * {@link UnitPhase} of the calling unit moves on (lower level, hypergradient), and a non-finite
 * adapted policy (θ or logits) or hypergradient h throws an {@link ArithmeticException} naming the
 * entry while the phase still names the computation that produced it. A tabular algorithm's
 * {@link TabularAdaptation#exactHypergradient} is forwarded too (none stays none), both of its parts
 * guarded like h.
 */
final class GuardedAlgorithm
        implements AdaptationAlgorithm
{
    private final AdaptationAlgorithm delegate;

    GuardedAlgorithm(AdaptationAlgorithm delegate)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public Option<TabularAdaptation> tabular()
    {
        return delegate.tabular().map(Tabular::new);
    }

    @Override
    public Option<GaussianAdaptation> gaussian()
    {
        return delegate.gaussian().map(Gaussian::new);
    }

    /** Throws naming the first non-finite entry of {@code values}. */
    static void requireFinite(double[] values, String what)
    {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ArithmeticException(what + " entry " + i + " is " + values[i]);
            }
        }
    }

    private record Tabular(TabularAdaptation delegate)
            implements TabularAdaptation
    {
        @Override
        public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
        {
            UnitPhase.lowerLevel();
            TabularSoftmaxPolicy adapted = delegate.adapt(prior, round);
            double[] logits = adapted.logits();
            for (int i = 0; i < logits.length; i++) {
                if (Double.isNaN(logits[i]) || logits[i] == Double.POSITIVE_INFINITY) {
                    throw new ArithmeticException("adapted logit (s=" + i / adapted.actions() + ", a=" + i % adapted.actions() + ") is " + logits[i]);
                }
            }
            UnitPhase.lowerLevelDone();
            return adapted;
        }

        @Override
        public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
        {
            UnitPhase.hypergradient();
            double[] h = delegate.hypergradient(prior, adapted, round, adaptedGradient);
            for (int i = 0; i < h.length; i++) {
                if (!Double.isFinite(h[i])) {
                    throw new ArithmeticException("hypergradient entry (s=" + i / prior.actions() + ", a=" + i % prior.actions() + ") is " + h[i]);
                }
            }
            UnitPhase.hypergradientDone();
            return h;
        }

        @Override
        public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
        {
            UnitPhase.hypergradient();
            Option<ExactHypergradient> exact = delegate.exactHypergradient(prior, adapted, round, adaptedGradient);
            for (ExactHypergradient parts : exact) {
                requireFiniteEntries(parts.prior(), "exact hypergradient (∂θ*∕∂φ)ᵀg", prior.actions());
                requireFiniteEntries(parts.actionValues(), "exact hypergradient (∂θ*∕∂Q)ᵀg", prior.actions());
            }
            UnitPhase.hypergradientDone();
            return exact;
        }

        /** Throws naming the state and action of the first non-finite entry, as {@link #hypergradient} does. */
        private static void requireFiniteEntries(double[] values, String what, int actions)
        {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new ArithmeticException(what + " entry (s=" + i / actions + ", a=" + i % actions + ") is " + values[i]);
                }
            }
        }
    }

    private record Gaussian(GaussianAdaptation delegate)
            implements GaussianAdaptation
    {
        @Override
        public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
        {
            UnitPhase.lowerLevel();
            return adapted(delegate.adapt(policy, phi, batch, advantages));
        }

        @Override
        public AdaptationResult adaptRound(int round, GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
        {
            UnitPhase.lowerLevel();
            return adapted(delegate.adaptRound(round, policy, phi, batch, advantages));
        }

        private static AdaptationResult adapted(AdaptationResult result)
        {
            requireFinite(result.theta(), "adapted θ");
            UnitPhase.lowerLevelDone();
            return result;
        }

        @Override
        public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient)
        {
            UnitPhase.hypergradient();
            requireFinite(adaptedGradient, "∇_θ J at θ");
            return hypergradient(delegate.metaGradient(policy, phi, adapted, batch, advantages, adaptedGradient));
        }

        @Override
        public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
                TrajectoryBatch adaptedBatch, double[] adaptedAdvantages)
        {
            UnitPhase.hypergradient();
            return hypergradient(delegate.metaGradient(policy, phi, adapted, batch, advantages, adaptedBatch, adaptedAdvantages));
        }

        private static MetaGradient hypergradient(MetaGradient result)
        {
            requireFinite(result.h(), "hypergradient h");
            UnitPhase.hypergradientDone();
            return result;
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
        public void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
        {
            delegate.surrogateLossGradient(policy, phiPrime, batch, metaGradient, out);
        }
    }
}
