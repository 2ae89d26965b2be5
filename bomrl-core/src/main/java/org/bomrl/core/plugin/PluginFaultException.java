package org.bomrl.core.plugin;

import org.bomrl.api.ComponentFactory;

/**
 * A plugin's component factory misbehaved (threw, or returned null, from {@code create}); the
 * message names the factory, its class and its jar and says what it did. A user-facing fault (exit
 * code 2): the remedy is a fixed or different plugin, not different input.
 */
public final class PluginFaultException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private PluginFaultException(String message, Throwable cause)
    {
        super(message, cause);
    }

    /** {@code factory.create(…)} threw {@code cause}. */
    public static PluginFaultException threw(ComponentFactory<?> factory, Throwable cause)
    {
        return new PluginFaultException(describe(factory) + " threw " + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + " in create()", cause);
    }

    /** {@code factory.create(…)} returned null. */
    public static PluginFaultException returnedNull(ComponentFactory<?> factory)
    {
        return new PluginFaultException(describe(factory) + " returned null from create()", null);
    }

    private static String describe(ComponentFactory<?> factory)
    {
        String name;
        try {
            name = factory.name();
        }
        catch (RuntimeException e) {
            name = "(name() failed)";
        }
        return "plugin fault: factory '" + name + "' (" + factory.getClass().getName() + " from " + jar(PluginRegistry.origin(factory.getClass())) + ")";
    }

    private static String jar(String origin)
    {
        java.nio.file.Path path = java.nio.file.Path.of(origin);
        return path.getFileName() == null ? origin : path.getFileName().toString();
    }
}
