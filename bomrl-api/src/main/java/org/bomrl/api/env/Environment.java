package org.bomrl.api.env;

import org.bomrl.api.Stable;

/**
 * One task's environment with Gymnasium semantics. {@link #reset(long)} must be called before the
 * first {@link #step}; stepping after {@code terminated} or {@code truncated} without a reset
 * throws {@link IllegalStateException}. All randomness of the environment (slippery moves,
 * initial states) comes from the seed given to {@code reset}, so equal seeds and equal actions
 * give equal trajectories. Instances are not thread-safe: use one per thread.
 *
 * @param <O> observation type ({@code Integer} for discrete spaces, {@code double[]} for boxes)
 * @param <A> action type (likewise)
 */
@Stable(since = "0.1")
public interface Environment<O, A>
        extends AutoCloseable
{
    Space observationSpace();

    Space actionSpace();

    /** Starts an episode; returns the initial observation. */
    O reset(long seed);

    /** Applies {@code action}; an action outside {@link #actionSpace()} throws {@link IllegalArgumentException}. */
    Step<O> step(A action);

    @Override
    default void close()
    {
    }
}
