package org.bomrl.core.exec;

/**
 * A backend could not run a run's units (e.g. every cluster member is gone); the run stops with
 * its last checkpoint intact and {@code bomrl resume} continues it. The CLI prints the message on
 * one line and exits with code 1.
 */
public final class ExecutionFailedException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ExecutionFailedException(String message)
    {
        super(message);
    }
}
