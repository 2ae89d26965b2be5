package org.bomrl.core.plugin;

import org.bomrl.api.ComponentFactory;

import static java.util.Objects.requireNonNull;

/**
 * A factory found on the class path, with where it came from.
 *
 * @param origin the jar or class directory of the factory's class
 * @param version the {@code Implementation-Version} of that jar, or {@code unknown}
 */
public record RegisteredFactory(FactoryKind kind, ComponentFactory<?> factory, String origin, String version)
{
    public RegisteredFactory
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(version, "version is null");
    }

    public String name()
    {
        return factory.name();
    }
}
