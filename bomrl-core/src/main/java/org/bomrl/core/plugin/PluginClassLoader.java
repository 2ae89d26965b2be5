package org.bomrl.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin (one jar, or one directory of jars): the plugin's own classes and
 * dependencies first, so they cannot clash with another plugin's or with core's; only the SPI
 * ({@code org.bomrl.api}) and the libraries its types use ({@code io.vavr}) come from core's loader,
 * so that plugin and core agree on the contract types; everything else falls back to the platform.
 * Resources come from the plugin alone (its {@code META-INF/services} name only its own plugins).
 */
final class PluginClassLoader
        extends URLClassLoader
{
    /** Packages shared with core: the contract and the types it exposes. */
    private static final List<String> SHARED_PACKAGES = List.of("org.bomrl.api.", "io.vavr.");

    private final ClassLoader spiLoader;
    private final String label;

    PluginClassLoader(String label, List<URL> urls, ClassLoader spiLoader)
    {
        super(label, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
        this.label = label;
    }

    /** The jar or directory this loader serves, for messages. */
    String label()
    {
        return label;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (SHARED_PACKAGES.stream().anyMatch(name::startsWith)) {
                    type = spiLoader.loadClass(name);
                }
                else {
                    try {
                        type = findClass(name);
                    }
                    catch (ClassNotFoundException e) {
                        type = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name)
    {
        return findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name)
            throws IOException
    {
        Enumeration<URL> own = findResources(name);
        return own == null ? Collections.emptyEnumeration() : own;
    }
}
