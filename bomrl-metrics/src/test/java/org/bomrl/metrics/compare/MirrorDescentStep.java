package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * A hand-written Alg(2) for comparator tests (spec §2.4.2): θ = φ + Q/λ, so ∂θ/∂φ = I and
 * ∂θ/∂Q = I/λ and the exact hypergradient is (g, g/λ). Immutable.
 */
record MirrorDescentStep(double lambda)
        implements AdaptationAlgorithm, TabularAdaptation
{
    @Override
    public Option<TabularAdaptation> tabular()
    {
        return Option.some(this);
    }

    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        double[] theta = prior.logits();
        double[] q = round.q();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += q[i] / lambda;
        }
        return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), theta);
    }

    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        return adaptedGradient.clone();
    }

    @Override
    public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        double[] actionValues = adaptedGradient.clone();
        for (int i = 0; i < actionValues.length; i++) {
            actionValues[i] /= lambda;
        }
        return Option.some(new ExactHypergradient(adaptedGradient, actionValues));
    }
}
