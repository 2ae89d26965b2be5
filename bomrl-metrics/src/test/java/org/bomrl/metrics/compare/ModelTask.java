package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;

/** A task known only by its exact model (or by nothing, when {@code model} is null). */
record ModelTask(String id, TabularMdp model)
        implements Task<Integer, Integer>
{
    @Override
    public Environment<Integer, Integer> newEnvironment()
    {
        throw new UnsupportedOperationException("test task " + id + " has no environment");
    }

    @Override
    public Option<TabularMdp> exactModel()
    {
        return Option.of(model);
    }
}
