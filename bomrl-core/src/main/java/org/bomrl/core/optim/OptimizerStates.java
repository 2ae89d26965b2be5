package org.bomrl.core.optim;

import java.util.Map;

/** Reading an outer optimiser's state back from a checkpoint, with errors naming the entry. */
final class OptimizerStates
{
    private OptimizerStates() {}

    /** The entry {@code name} of {@code state}, which must have {@code length} values. */
    static double[] get(Map<String, double[]> state, String name, int length)
    {
        double[] values = state.get(name);
        if (values == null) {
            throw new IllegalArgumentException("checkpoint optimizer state has no entry '" + name + "' (entries: " + state.keySet() + ")");
        }
        if (values.length != length) {
            throw new IllegalArgumentException("checkpoint optimizer state entry '" + name + "' has " + values.length + " values, expected " + length);
        }
        return values.clone();
    }
}
