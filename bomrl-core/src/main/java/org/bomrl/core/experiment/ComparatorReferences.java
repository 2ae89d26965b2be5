package org.bomrl.core.experiment;

import org.bomrl.api.compare.ComparedMethod;
import org.bomrl.api.compare.OptimalityComparator;
import org.bomrl.api.env.Task;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference values J_ref(τ) of every comparator for every method (spec §1.3). A comparator
 * that {@link OptimalityComparator#forMethod} leaves unchanged for every method is
 * <em>shared</em>: one reference for all methods, computed once. The others are
 * <em>per method</em>: each method's gaps are measured against its own reference. Each distinct
 * comparator instance is evaluated once, in comparator order, then method order.
 */
final class ComparatorReferences
{
    private final List<String> names;
    private final Map<String, double[]> shared;
    private final Map<String, Map<String, double[]>> byMethod;

    private ComparatorReferences(List<String> names, Map<String, double[]> shared, Map<String, Map<String, double[]>> byMethod)
    {
        this.names = names;
        this.shared = shared;
        this.byMethod = byMethod;
    }

    /** References of {@code comparators} on {@code tasks} for {@code methods}, in order. */
    static ComparatorReferences compute(List<NamedComparator> comparators, List<? extends ComparedMethod> methods, List<? extends Task<?, ?>> tasks)
    {
        Map<String, Map<String, NamedComparator>> specialised = new LinkedHashMap<>();
        methods.forEach(method -> specialised.put(method.id(), new LinkedHashMap<>()));
        Map<String, double[]> shared = new LinkedHashMap<>();
        Map<OptimalityComparator, double[]> computed = new IdentityHashMap<>();
        for (NamedComparator comparator : comparators) {
            boolean perMethod = false;
            for (ComparedMethod method : methods) {
                NamedComparator own = comparator.forMethod(method);
                specialised.get(method.id()).put(comparator.name(), own);
                perMethod |= own.specialisedFrom(comparator);
            }
            if (!perMethod) {
                shared.put(comparator.name(), computed.computeIfAbsent(comparator.comparator(), c -> c.referenceValues(tasks)));
            }
        }
        Map<String, Map<String, double[]>> byMethod = new LinkedHashMap<>();
        specialised.forEach((method, own) -> {
            Map<String, double[]> values = new LinkedHashMap<>();
            own.forEach((name, comparator) -> values.put(name, computed.computeIfAbsent(comparator.comparator(), c -> c.referenceValues(tasks))));
            byMethod.put(method, values);
        });
        return new ComparatorReferences(comparators.stream().map(NamedComparator::name).toList(), shared, byMethod);
    }

    /** Comparator names, in configuration order. */
    List<String> names()
    {
        return names;
    }

    /** The shared comparators' references, by name. */
    Map<String, double[]> shared()
    {
        return shared;
    }

    /** Whether {@code name} is measured per method. */
    boolean perMethod(String name)
    {
        return !shared.containsKey(name);
    }

    /** J_ref(τ) of {@code name} for {@code method}. */
    double[] of(String method, String name)
    {
        return byMethod.get(method).get(name);
    }
}
