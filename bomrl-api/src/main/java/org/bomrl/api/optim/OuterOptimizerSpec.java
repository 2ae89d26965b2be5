package org.bomrl.api.optim;

import org.bomrl.api.Experimental;

/** A configured outer optimiser, before the dimension of φ is known. Immutable and thread-safe. */
@Experimental(since = "0.2")
@FunctionalInterface
public interface OuterOptimizerSpec
{
    /** A fresh optimiser for φ ∈ R^dimension. */
    OuterOptimizer newOptimizer(int dimension);
}
