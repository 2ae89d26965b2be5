package org.bomrl.metrics.compare;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.compare.ComparedMethod;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.Task;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code compare.meta-parameter-adapted} with {@code algorithm = method}: the best meta-parameter
 * after adaptation with the algorithm of the method being compared (spec §1.3). It has no
 * reference of its own; {@link #forMethod} gives each method its
 * {@link MethodMetaParameterComparator}, built on the method's meta-test tabular adaptation (exact
 * derivatives where the algorithm gives them, finite differences otherwise).
 * Immutable and thread-safe.
 */
final class OwnAlgorithmMetaParameterComparator
        implements OptimalityComparator
{
    private final AscentSettings ascent;

    OwnAlgorithmMetaParameterComparator(AscentSettings ascent)
    {
        this.ascent = requireNonNull(ascent, "ascent is null");
    }

    @Override
    public String label()
    {
        return "best meta-parameter after one step of the method's algorithm";
    }

    /** @throws IllegalArgumentException always: the reference depends on the method */
    @Override
    public double[] referenceValues(List<? extends Task<?, ?>> tasks)
    {
        throw new IllegalArgumentException(AdaptedMetaParameterComparator.NAME + " with algorithm = method is measured per method (in a meta-learning experiment);"
                + " without a method use algorithm = alg2");
    }

    /**
     * The comparator of {@code method}: its meta-test algorithm's tabular view.
     *
     * @throws IllegalArgumentException naming the method if its algorithm does not support tabular softmax policies
     */
    @Override
    public OptimalityComparator forMethod(ComparedMethod method)
    {
        requireNonNull(method, "method is null");
        TabularAdaptation algorithm = method.algorithm().tabular().getOrElseThrow(() -> new IllegalArgumentException(AdaptedMetaParameterComparator.NAME
                + " with algorithm = method: method " + method.id() + "'s algorithm does not support tabular softmax policies; the comparator needs exact tabular models"));
        return new MethodMetaParameterComparator(method.id(), algorithm, ascent);
    }

    @Override
    public String toString()
    {
        return AdaptedMetaParameterComparator.NAME + "[algorithm=method, " + ascent + "]";
    }
}
