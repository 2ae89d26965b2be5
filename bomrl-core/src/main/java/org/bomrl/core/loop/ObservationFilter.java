package org.bomrl.core.loop;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * How a work unit's rollouts present observations to the policy (spec §5b observation filter), as
 * data that travels with the unit: {@link Identity} (the raw observation; nothing is recorded) or
 * {@link Frozen}, the snapshot of the run's filter statistics taken at the start of a
 * meta-iteration. Under a frozen filter every observation the environment returns is normalised
 * as x ↦ clip((x − m)/(s + ε), ±c) with the snapshot's m and s (see
 * {@link org.bomrl.numerics.neural.ObservationNormaliser}), the policy acts on and the batch stores
 * the normalised value, and the raw value is added to the unit's own statistics, which the trainer
 * merges into the run's statistics after the iteration ({@code MetaTrainer}).
 */
public sealed interface ObservationFilter
        extends Serializable
        permits ObservationFilter.Identity, ObservationFilter.Frozen
{
    /** The filter of runs with {@code policy.observation_filter = none}. */
    static ObservationFilter identity()
    {
        return Identity.INSTANCE;
    }

    /** Observations as the environment returns them. */
    record Identity()
            implements ObservationFilter
    {
        static final Identity INSTANCE = new Identity();
    }

    /** Normalise with the fixed {@code statistics}, clipping at ±{@code clip}. */
    record Frozen(double clip, ObservationStatistics statistics)
            implements ObservationFilter
    {
        public Frozen
        {
            requireNonNull(statistics, "statistics is null");
            if (!(clip > 0)) {
                throw new IllegalArgumentException("clip must be positive: " + clip);
            }
        }
    }
}
