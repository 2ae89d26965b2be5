package org.bomrl.core.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import org.bomrl.core.plugin.PluginRegistry;

/** Builds the injector: production stage, explicit bindings only, no circular proxies. */
public final class Injection
{
    private Injection() {}

    public static Injector create(PluginRegistry registry)
    {
        return Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
            binder.requireExactBindingAnnotations();
            binder.install(new RegistryModule(registry));
            binder.install(new ExecutionModule());
            binder.install(new ExperimentModule());
        });
    }
}
