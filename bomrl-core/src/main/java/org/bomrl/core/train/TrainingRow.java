package org.bomrl.core.train;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One meta-iteration's record: the mean return of the prior's and of the adapted policies' rounds
 * over the sampled tasks, the norm of the averaged hypergradient, and the learner's diagnostics
 * averaged over the iteration's tasks (e.g. {@code cg_truncated}, the fraction of tasks whose CG
 * solve met negative curvature; empty for learners that report none).
 */
public record TrainingRow(int iteration, double priorReturn, double adaptedReturn, double hypergradientNorm, Map<String, Double> diagnostics)
{
    public TrainingRow
    {
        diagnostics = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(diagnostics, "diagnostics is null")));
    }

    public TrainingRow(int iteration, double priorReturn, double adaptedReturn, double hypergradientNorm)
    {
        this(iteration, priorReturn, adaptedReturn, hypergradientNorm, Map.of());
    }
}
