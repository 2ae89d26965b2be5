package org.bomrl.core.plugin;

/** A plugin could not be loaded or registered; the message names the classes and jars involved. */
public final class PluginLoadException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message)
    {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
