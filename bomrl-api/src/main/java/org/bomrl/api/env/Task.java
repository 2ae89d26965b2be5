package org.bomrl.api.env;

import io.vavr.control.Option;
import org.bomrl.api.Stable;

/**
 * One task τ of a distribution: an MDP that environments can be made of. Thread-safe; each call
 * to {@link #newEnvironment()} returns an independent environment.
 */
@Stable(since = "0.1")
public interface Task<O, A>
{
    /** Identifier, unique within its distribution, e.g. {@code map3}. */
    String id();

    Environment<O, A> newEnvironment();

    /** The exact model, for tabular tasks; enables exact evaluation and exact-mode training. */
    default Option<TabularMdp> exactModel()
    {
        return Option.none();
    }

    /**
     * An optional capability of this task, such as an exact model of another kind than tabular
     * (e.g. a linear-quadratic system), by its type; none when the task does not have it.
     */
    default <C> Option<C> capability(Class<C> type)
    {
        return Option.none();
    }
}
