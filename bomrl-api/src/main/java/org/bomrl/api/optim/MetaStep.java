package org.bomrl.api.optim;

import io.vavr.control.Option;
import org.bomrl.api.Experimental;

/**
 * What one meta-iteration hands the outer optimiser (spec §3.1): the estimate ĝ = (1/B) Σ_i h_i of
 * ∇_φ F(φ), averaged in task order, and, for methods whose outer step works on a surrogate (the
 * TRPO step of spec §3.5 step 8), that surrogate. The arrays belong to the step and are not
 * modified by optimisers.
 */
@Experimental(since = "0.2")
public interface MetaStep
{
    /** ĝ, the ascent direction of the meta-objective F at the current φ. */
    double[] gradient();

    /** The surrogate of this iteration, when the method provides one. */
    default Option<MetaSurrogate> surrogate()
    {
        return Option.none();
    }

    /** The step of a method without surrogate. */
    static MetaStep of(double[] gradient)
    {
        return () -> gradient;
    }
}
