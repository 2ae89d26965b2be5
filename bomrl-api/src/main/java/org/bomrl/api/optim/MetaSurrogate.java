package org.bomrl.api.optim;

import org.bomrl.api.Experimental;

/**
 * The surrogate loss ℓ(φ') of a meta-iteration, to be minimised, with ∇ℓ(φ) = −ĝ at the current
 * φ, and the Fisher-vector product of the mean KL(π_φ‖π_φ') at φ' = φ on the iteration's
 * pre-adaptation states (spec §3.5 steps 7–8). Used by trust-region outer steps for the line
 * search and the natural-gradient direction. Not thread-safe.
 */
@Experimental(since = "0.2")
public interface MetaSurrogate
{
    /** ℓ(φ'). */
    double loss(double[] phi);

    /** The mean KL(π_φ‖π_φ') over the pre-adaptation states, φ the current parameters. */
    double meanKl(double[] phi);

    /** out = F v, F the Hessian of the mean KL at φ' = φ (overwritten). */
    void fisherVectorProduct(double[] v, double[] out);

    /**
     * out = ∇ℓ(φ') (overwritten), for optimisers that run several epochs on the surrogate (ProMP's
     * outer Adam epochs, spec §7.3).
     *
     * @throws UnsupportedOperationException when the surrogate has no gradient (the default)
     */
    default void gradient(double[] phi, double[] out)
    {
        throw new UnsupportedOperationException(getClass().getName() + " provides no surrogate gradient");
    }

    /**
     * out = ∇_φ' of {@link #meanKl}(φ') (overwritten), for a KL penalty on the outer objective (ProMP's η, spec §7.3).
     *
     * @throws UnsupportedOperationException when the surrogate has no KL gradient (the default)
     */
    default void meanKlGradient(double[] phi, double[] out)
    {
        throw new UnsupportedOperationException(getClass().getName() + " provides no KL gradient");
    }
}
