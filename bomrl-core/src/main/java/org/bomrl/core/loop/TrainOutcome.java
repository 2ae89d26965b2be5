package org.bomrl.core.loop;

import io.vavr.control.Option;

import java.io.Serializable;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The result of one meta-training unit: the task's meta-gradient h, the mean return of the round
 * collected with the prior and of the one collected with the adapted policy, and, for methods
 * whose outer step needs more (the TRPO surrogate), a learner-specific {@code detail} (null when
 * unused), counters the learner reports (averaged over an iteration's tasks in the training rows)
 * and, under a frozen observation filter, the statistics of the raw observations the unit's
 * rollouts saw ({@code observed}; none without a filter), which the trainer merges in unit order.
 */
public record TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Serializable detail, Map<String, Double> diagnostics,
        Option<ObservationStatistics> observed)
        implements Serializable
{
    public TrainOutcome
    {
        requireNonNull(metaGradient, "metaGradient is null");
        diagnostics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requireNonNull(diagnostics, "diagnostics is null")));
        requireNonNull(observed, "observed is null");
    }

    /** An outcome of a unit without an observation filter. */
    public TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Serializable detail, Map<String, Double> diagnostics)
    {
        this(metaGradient, priorReturn, adaptedReturn, detail, diagnostics, Option.none());
    }

    /** An outcome without diagnostics. */
    public TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Serializable detail)
    {
        this(metaGradient, priorReturn, adaptedReturn, detail, Map.of());
    }
}
