package org.bomrl.api.compare;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Stable;

/** Makes an optimality comparator; names start with {@code compare.}. */
@Stable(since = "0.1")
public interface OptimalityComparatorFactory
        extends ComponentFactory<OptimalityComparator>
{
}
