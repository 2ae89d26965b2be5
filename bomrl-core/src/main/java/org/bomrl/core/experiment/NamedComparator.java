package org.bomrl.core.experiment;

import org.bomrl.api.compare.ComparedMethod;
import org.bomrl.api.compare.OptimalityComparator;

import static java.util.Objects.requireNonNull;

/** A comparator with its registry name. */
record NamedComparator(String name, OptimalityComparator comparator)
{
    NamedComparator
    {
        requireNonNull(name, "name is null");
        requireNonNull(comparator, "comparator is null");
    }

    /** The comparator {@code method}'s gaps are measured against, under the same name ({@link OptimalityComparator#forMethod}). */
    NamedComparator forMethod(ComparedMethod method)
    {
        OptimalityComparator specialised = comparator.forMethod(method);
        if (specialised == null) {
            throw new IllegalStateException("comparator " + name + " returned null from forMethod for method " + method.id());
        }
        return specialised == comparator ? this : new NamedComparator(name, specialised);
    }

    /** Whether {@link #forMethod} gave {@code method} a comparator of its own. */
    boolean specialisedFrom(NamedComparator shared)
    {
        return comparator != shared.comparator;
    }
}
