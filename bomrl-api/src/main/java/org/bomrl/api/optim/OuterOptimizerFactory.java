package org.bomrl.api.optim;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Experimental;

/**
 * Makes outer optimisers; names start with {@code optimizer.}. {@link #create} is given the
 * optimiser's settings; {@link OuterOptimizer} instances for a run come from
 * {@link OuterOptimizerSpec#newOptimizer(int)} with the dimension of φ.
 */
@Experimental(since = "0.2")
public interface OuterOptimizerFactory
        extends ComponentFactory<OuterOptimizerSpec>
{
}
