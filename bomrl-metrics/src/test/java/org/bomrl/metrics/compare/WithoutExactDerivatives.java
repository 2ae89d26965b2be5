package org.bomrl.metrics.compare;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/** Another algorithm's {@code adapt} and {@code hypergradient} without its exact derivatives, so the comparator must differentiate it numerically. */
record WithoutExactDerivatives(TabularAdaptation delegate)
        implements TabularAdaptation
{
    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        return delegate.adapt(prior, round);
    }

    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        return delegate.hypergradient(prior, adapted, round, adaptedGradient);
    }
}
