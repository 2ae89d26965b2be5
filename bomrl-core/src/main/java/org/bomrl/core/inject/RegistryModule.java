package org.bomrl.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.core.plugin.FactoryKind;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.plugin.RegisteredFactory;

/** Binds the plugin registry and one {@code MapBinder<String, XxxFactory>} per kind, keyed by factory name. */
public final class RegistryModule
        extends AbstractModule
{
    private final PluginRegistry registry;

    public RegistryModule(PluginRegistry registry)
    {
        this.registry = registry;
    }

    @Override
    protected void configure()
    {
        bind(PluginRegistry.class).toInstance(registry);
        bindKind(FactoryKind.ENVIRONMENT, EnvironmentFactory.class);
        bindKind(FactoryKind.DISTANCE, PolicyDistanceFactory.class);
        bindKind(FactoryKind.ADAPTATION, AdaptationAlgorithmFactory.class);
        bindKind(FactoryKind.COMPARATOR, OptimalityComparatorFactory.class);
        bindKind(FactoryKind.OPTIMIZER, OuterOptimizerFactory.class);
        bindKind(FactoryKind.POLICY, PolicyClassFactory.class);
        bindKind(FactoryKind.REPORT, ReportWriterFactory.class);
    }

    private <F extends ComponentFactory<?>> void bindKind(FactoryKind kind, Class<F> type)
    {
        MapBinder<String, F> binder = MapBinder.newMapBinder(binder(), String.class, type);
        for (RegisteredFactory registered : registry.factories(kind)) {
            binder.addBinding(registered.name()).toInstance(type.cast(registered.factory()));
        }
    }
}
