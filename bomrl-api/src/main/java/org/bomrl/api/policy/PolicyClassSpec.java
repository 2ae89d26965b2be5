package org.bomrl.api.policy;

import org.bomrl.api.Experimental;

/** A configured policy class, before the environment's dimensions are known. Immutable and thread-safe. */
@Experimental(since = "0.2")
@FunctionalInterface
public interface PolicyClassSpec
{
    /** The class for observations in R^observationDimension and actions in R^actionDimension. */
    PolicyClass forSpaces(int observationDimension, int actionDimension);
}
