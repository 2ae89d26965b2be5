package org.bomrl.api.context;

import org.bomrl.api.Stable;

import static java.util.Objects.requireNonNull;

/**
 * What the framework hands a component at creation.
 *
 * @param random the component's own seeded stream; derive sub-streams from it, never create a {@code Random}
 * @param components other registered components, by name
 */
@Stable(since = "0.1")
public record RunContext(RandomSource random, ComponentResolver components)
{
    public RunContext
    {
        requireNonNull(random, "random is null");
        requireNonNull(components, "components is null");
    }
}
