package org.bomrl.api.compare;

import org.bomrl.api.Experimental;
import org.bomrl.api.adapt.AdaptationAlgorithm;

/**
 * The method whose optimality gap a comparator is about to measure (spec §1.3): its id and its
 * within-task algorithm as configured for its meta-test (distance, λ and every other setting of
 * {@code method.<id>.adaptation} with the meta-test overrides). Handed to
 * {@link OptimalityComparator#forMethod}; the algorithm is created on first request.
 */
@Experimental(since = "0.1")
public interface ComparedMethod
{
    /** The method's id, e.g. {@code bomrl-alg1}. */
    String id();

    /** The method's meta-test adaptation algorithm. */
    AdaptationAlgorithm algorithm();
}
