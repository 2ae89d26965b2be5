package org.bomrl.core.cli;

import com.google.inject.Injector;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;

/**
 * The injector over the plugins visible to this class's loader and, each in a class loader of its
 * own, those of {@value #PLUGIN_PATH} (jars or directories of jars, separated like a class path;
 * the system property {@value #PLUGIN_PATH_PROPERTY}, when set, takes its place).
 */
final class Registries
{
    static final String PLUGIN_PATH = PluginRegistry.PLUGIN_PATH;
    static final String PLUGIN_PATH_PROPERTY = PluginRegistry.PLUGIN_PATH_PROPERTY;

    private Registries() {}

    static Injector injector()
    {
        return Injection.create(PluginRegistry.loadConfigured(Registries.class.getClassLoader()));
    }
}
