package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;

/** A task known only by one capability (and optionally an exact tabular model). */
record CapabilityTask(String id, Object capability, TabularMdp model)
        implements Task<double[], double[]>
{
    @Override
    public Environment<double[], double[]> newEnvironment()
    {
        throw new UnsupportedOperationException("test task " + id + " has no environment");
    }

    @Override
    public Option<TabularMdp> exactModel()
    {
        return Option.of(model);
    }

    @Override
    public <C> Option<C> capability(Class<C> type)
    {
        return type.isInstance(capability) ? Option.some(type.cast(capability)) : Option.none();
    }
}
