package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;

import static java.util.Objects.requireNonNull;

/**
 * Both parts of the exact vector-Jacobian product of θ* = Alg(π_φ, Q) against g = ∇_θ J_τ(θ*)
 * (spec §3.2, §3.6): {@code prior} = (∂θ*∕∂φ)ᵀ g with the round held fixed, and
 * {@code actionValues} = (∂θ*∕∂Q)ᵀ g with φ held fixed, both |S|·|A| arrays at s·|A| + a. In
 * exact mode, where the round is Q^{π_φ}, the total hypergradient is
 * ∇_φ J_τ(θ*(φ, Q^{π_φ})) = prior + (∂Q^{π_φ}∕∂φ)ᵀ actionValues. Arrays are copied in and out.
 */
@Experimental(since = "0.1")
public record ExactHypergradient(double[] prior, double[] actionValues)
{
    public ExactHypergradient
    {
        requireNonNull(prior, "prior is null");
        requireNonNull(actionValues, "actionValues is null");
        if (prior.length != actionValues.length) {
            throw new IllegalArgumentException("prior part has " + prior.length + " entries but action-value part " + actionValues.length);
        }
        prior = prior.clone();
        actionValues = actionValues.clone();
    }

    @Override
    public double[] prior()
    {
        return prior.clone();
    }

    @Override
    public double[] actionValues()
    {
        return actionValues.clone();
    }
}
