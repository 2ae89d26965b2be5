package org.bomrl.api.optim;

import org.bomrl.api.Experimental;

import java.util.Map;

/**
 * The outer optimiser of meta-training (spec §3.1: φ ← φ + β·ĝ; §3.5 step 8: a TRPO step on the
 * surrogate), a component selected by {@code meta_train.optimizer}. It updates φ in place from one
 * {@link MetaStep} per iteration and exposes its whole state so that a checkpoint restores it bit
 * for bit. One instance serves one meta-training run; not thread-safe.
 */
@Experimental(since = "0.2")
public interface OuterOptimizer
{
    /** Applies one meta-update to {@code phi} (modified). */
    void step(double[] phi, MetaStep step);

    /** The optimiser's state by name (e.g. Adam's moments and step count), copied. */
    Map<String, double[]> state();

    /** Continues from a state returned by {@link #state()} (copied in). */
    void restore(Map<String, double[]> state);
}
