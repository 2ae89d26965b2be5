package org.bomrl.core.plugin;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every factory contributed by the {@link BomrlPlugin}s on a class path, by kind and name. Built
 * once at start-up; immutable afterwards and safe to share. Duplicate names and plugins that fail
 * to load are start-up errors naming the classes and jars involved.
 */
public final class PluginRegistry
{
    private final Map<FactoryKind, Map<String, RegisteredFactory>> factories;

    private PluginRegistry(Map<FactoryKind, Map<String, RegisteredFactory>> factories)
    {
        this.factories = factories;
    }

    /** Loads every plugin visible to {@code loader} through {@link ServiceLoader}. */
    /** The environment variable naming extra plugins (jars or directories of jars, separated like a class path). */
    public static final String PLUGIN_PATH = "BOMRL_PLUGIN_PATH";
    /** The system property that, when set, takes the place of {@value #PLUGIN_PATH}. */
    public static final String PLUGIN_PATH_PROPERTY = "bomrl.plugin.path";

    /** The plugins of {@code loader} and, each in a class loader of its own, those the plugin path configures ({@value #PLUGIN_PATH_PROPERTY} or {@value #PLUGIN_PATH}). */
    public static PluginRegistry loadConfigured(ClassLoader loader)
    {
        return load(loader, pluginPath(System.getProperty(PLUGIN_PATH_PROPERTY, System.getenv(PLUGIN_PATH))));
    }

    public static PluginRegistry load(ClassLoader loader)
    {
        return load(loader, List.of());
    }

    /**
     * Loads the plugins visible to {@code loader} and, each in a class loader of its own, the plugins
     * of {@code pluginPath}: every entry is a plugin jar or a directory holding a plugin's jar and its
     * dependencies. An entry that does not exist, is neither, or contributes no plugin is an error
     * naming it.
     */
    public static PluginRegistry load(ClassLoader loader, List<Path> pluginPath)
    {
        List<BomrlPlugin> plugins = new ArrayList<>(providers(ServiceLoader.load(BomrlPlugin.class, loader), "the class path", null));
        for (Path entry : pluginPath) {
            PluginClassLoader pluginLoader = new PluginClassLoader(entry.toString(), jars(entry), loader);
            List<BomrlPlugin> found = providers(ServiceLoader.load(BomrlPlugin.class, pluginLoader), entry.toString(), pluginLoader);
            if (found.isEmpty()) {
                throw new PluginLoadException("plugin path entry " + entry + " contributes no plugin (no META-INF/services/" + BomrlPlugin.class.getName() + " in it)");
            }
            plugins.addAll(found);
        }
        return of(plugins);
    }

    private static List<BomrlPlugin> providers(ServiceLoader<BomrlPlugin> serviceLoader, String where, ClassLoader only)
    {
        List<BomrlPlugin> plugins = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<BomrlPlugin> provider : serviceLoader.stream().toList()) {
                if (only == null || provider.type().getClassLoader() == only) {
                    plugins.add(instantiate(provider));
                }
            }
        }
        catch (ServiceConfigurationError e) {
            throw new PluginLoadException("cannot load the plugins of " + where + ": " + e.getMessage(), e);
        }
        return plugins;
    }

    private static List<URL> jars(Path entry)
    {
        try {
            if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
                return List.of(entry.toUri().toURL());
            }
            if (Files.isDirectory(entry)) {
                List<URL> urls = new ArrayList<>();
                try (Stream<Path> files = Files.list(entry)) {
                    for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
                if (urls.isEmpty()) {
                    throw new PluginLoadException("plugin path entry " + entry + " is a directory without jars");
                }
                return urls;
            }
        }
        catch (IOException e) {
            throw new PluginLoadException("plugin path entry " + entry + " cannot be read: " + e.getMessage(), e);
        }
        throw new PluginLoadException("plugin path entry " + entry + (Files.exists(entry) ? " is neither a .jar nor a directory of jars" : " does not exist"));
    }

    /** The entries of a {@code BOMRL_PLUGIN_PATH}-style value (separated by the platform's path separator; empty entries skipped). */
    public static List<Path> pluginPath(String value)
    {
        List<Path> entries = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.trim()));
                }
            }
        }
        return entries;
    }

    private static BomrlPlugin instantiate(ServiceLoader.Provider<BomrlPlugin> provider)
    {
        try {
            return provider.get();
        }
        catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw new PluginLoadException("plugin " + provider.type().getName() + " from " + origin(provider.type()) + " failed to load: " + rootMessage(e), e);
        }
    }

    /** A registry of the given plugins, in order. */
    public static PluginRegistry of(Collection<? extends BomrlPlugin> plugins)
    {
        Map<FactoryKind, Map<String, RegisteredFactory>> byKind = new EnumMap<>(FactoryKind.class);
        for (FactoryKind kind : FactoryKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
        for (BomrlPlugin plugin : plugins) {
            for (FactoryKind kind : FactoryKind.values()) {
                for (ComponentFactory<?> factory : contributions(plugin, kind)) {
                    if (factory == null) {
                        throw new PluginLoadException("plugin " + plugin.getClass().getName() + " from " + origin(plugin.getClass()) + " listed a null " + kind.label() + " factory");
                    }
                    register(byKind.get(kind), kind, factory);
                }
            }
        }
        byKind.replaceAll((kind, map) -> java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map)));
        return new PluginRegistry(byKind);
    }

    private static List<? extends ComponentFactory<?>> contributions(BomrlPlugin plugin, FactoryKind kind)
    {
        try {
            List<? extends ComponentFactory<?>> list = kind.contributionsOf(plugin);
            if (list == null) {
                throw new PluginLoadException("plugin " + plugin.getClass().getName() + " from " + origin(plugin.getClass()) + " returned null " + kind.label() + " factories");
            }
            return list;
        }
        catch (RuntimeException | LinkageError e) {
            if (e instanceof PluginLoadException p) {
                throw p;
            }
            throw new PluginLoadException("plugin " + plugin.getClass().getName() + " from " + origin(plugin.getClass()) + " failed to list its " + kind.label()
                    + " factories: " + rootMessage(e) + (e instanceof LinkageError ? " (is a dependency of the plugin missing from the class path?)" : ""), e);
        }
    }

    private static void register(Map<String, RegisteredFactory> registry, FactoryKind kind, ComponentFactory<?> factory)
    {
        Class<?> type = SettinglessReportWriterFactory.implementation(factory);
        String name;
        try {
            name = factory.name();
        }
        catch (RuntimeException | LinkageError e) {
            throw new PluginLoadException(kind.label() + " factory " + type.getName() + " from " + origin(type) + " failed in name(): " + rootMessage(e), e);
        }
        if (name == null || name.isBlank() || !name.equals(name.trim())) {
            throw new PluginLoadException(kind.label() + " factory " + type.getName() + " from " + origin(type) + " has an invalid name: '" + name + "'");
        }
        if (!name.startsWith(kind.prefix()) || name.length() == kind.prefix().length()) {
            throw new PluginLoadException(kind.label() + " factory " + type.getName() + " from " + origin(type) + " has the name '" + name
                    + "', which is not namespaced: " + kind.label() + " names start with '" + kind.prefix() + "'");
        }
        RegisteredFactory previous = registry.get(name);
        if (previous != null) {
            throw new PluginLoadException("duplicate " + kind.label() + " name '" + name + "': " + SettinglessReportWriterFactory.implementation(previous.factory()).getName()
                    + " (" + previous.origin() + ") and " + type.getName() + " (" + origin(type) + ")");
        }
        registry.put(name, new RegisteredFactory(kind, factory, origin(type), version(type)));
    }

    /** Every factory of {@code kind}, sorted by name. */
    public Collection<RegisteredFactory> factories(FactoryKind kind)
    {
        return factories.get(kind).values();
    }

    /** All factories of all kinds, by kind then name. */
    public List<RegisteredFactory> all()
    {
        List<RegisteredFactory> all = new ArrayList<>();
        for (FactoryKind kind : FactoryKind.values()) {
            all.addAll(factories(kind));
        }
        return all;
    }

    /** Any factory by name, whatever its kind. */
    public java.util.Optional<RegisteredFactory> find(String name)
    {
        return factories.values().stream().map(map -> map.get(name)).filter(java.util.Objects::nonNull).findFirst();
    }

    public static String origin(Class<?> type)
    {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown location" : source.getLocation().getPath();
    }

    private static String version(Class<?> type)
    {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    private static String rootMessage(Throwable e)
    {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
