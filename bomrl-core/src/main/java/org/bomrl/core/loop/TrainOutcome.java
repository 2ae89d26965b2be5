package org.bomrl.core.loop;

import static java.util.Objects.requireNonNull;

/**
 * The result of one meta-training unit: the task's meta-gradient h, the mean return of the round
 * collected with the prior and of the one collected with the adapted policy, and, for methods
 * whose outer step needs more (the TRPO surrogate), a learner-specific {@code detail} (null when
 * unused).
 */
public record TrainOutcome(double[] metaGradient, double priorReturn, double adaptedReturn, Object detail)
{
    public TrainOutcome
    {
        requireNonNull(metaGradient, "metaGradient is null");
    }
}
