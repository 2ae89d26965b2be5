package org.bomrl.core.adapt;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;

import static java.util.Objects.requireNonNull;

/** A test task known only by its exact model. */
record ModelTask(String id, TabularMdp model)
        implements Task<Integer, Integer>
{
    ModelTask
    {
        requireNonNull(id, "id is null");
        requireNonNull(model, "model is null");
    }

    @Override
    public Environment<Integer, Integer> newEnvironment()
    {
        throw new UnsupportedOperationException("test task " + id + " has no environment");
    }

    @Override
    public Option<TabularMdp> exactModel()
    {
        return Option.some(model);
    }
}
