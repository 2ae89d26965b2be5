package org.bomrl.core.experiment;

import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.compare.ComparedMethod;

import static java.util.Objects.requireNonNull;

/**
 * A method as comparators see it ({@link ComparedMethod}): its id and its meta-test algorithm,
 * created from {@code method.<id>.adaptation} with the meta-test settings on first request (a
 * comparator that does not ask creates nothing). Thread-safe.
 */
final class MethodComparison
        implements ComparedMethod
{
    private final MethodSpec method;
    private final LearnerCatalog learners;
    private AdaptationAlgorithm algorithm;

    MethodComparison(MethodSpec method, LearnerCatalog learners)
    {
        this.method = requireNonNull(method, "method is null");
        this.learners = requireNonNull(learners, "learners is null");
    }

    @Override
    public String id()
    {
        return method.id();
    }

    @Override
    public synchronized AdaptationAlgorithm algorithm()
    {
        if (algorithm == null) {
            algorithm = learners.algorithm(method, method.testSettings(), "meta-test");
        }
        return algorithm;
    }
}
