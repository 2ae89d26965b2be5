package org.bomrl.core.cli;

import com.google.inject.Injector;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;

/** The injector over the plugins visible to this class's loader. */
final class Registries
{
    private Registries() {}

    static Injector injector()
    {
        return Injection.create(PluginRegistry.load(Registries.class.getClassLoader()));
    }
}
