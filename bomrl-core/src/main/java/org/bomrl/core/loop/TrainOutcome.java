package org.bomrl.core.loop;

import java.io.Serializable;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The result of one meta-training unit: the task's meta-gradient h, the mean return of the round
 * collected with the prior and of the one collected with the adapted policy, and, for methods
 * whose outer step needs more (the TRPO surrogate), a learner-specific {@code detail} (null when
 * unused), and counters the learner reports (averaged over an iteration's tasks in the training rows).
 */
public record TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Serializable detail, Map<String, Double> diagnostics)
        implements Serializable
{
    public TrainOutcome
    {
        requireNonNull(metaGradient, "metaGradient is null");
        diagnostics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requireNonNull(diagnostics, "diagnostics is null")));
    }

    /** An outcome without diagnostics. */
    public TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Serializable detail)
    {
        this(metaGradient, priorReturn, adaptedReturn, detail, Map.of());
    }
}
