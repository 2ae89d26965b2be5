package org.bomrl.core.inject;

import com.google.inject.AbstractModule;
import org.bomrl.core.experiment.Components;
import org.bomrl.core.experiment.ExperimentPlanner;
import org.bomrl.core.experiment.ExperimentRunner;

/** Binds the component factory facade (a fresh instance per experiment plan, through a provider), the experiment planner and the runner (constructor injection). */
final class ExperimentModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(Components.class);
        bind(ExperimentPlanner.class);
        bind(ExperimentRunner.class);
    }
}
