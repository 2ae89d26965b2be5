package org.bomrl.api.settings;

import org.bomrl.api.Stable;

import java.util.List;

/**
 * A setting is missing, unknown or has an invalid value; the message is one line for the user.
 * Several independent errors of one configuration, found in one pass, travel as one exception:
 * {@link #errors()} lists the lines and the message joins them with line breaks.
 */
@Stable(since = "0.1")
public final class InvalidSettingException
        extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public InvalidSettingException(String message)
    {
        super(message);
        this.errors = List.of(String.valueOf(message));
    }

    /** Several one-line errors, in the order they were found (at least one). */
    public InvalidSettingException(List<String> errors)
    {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        this.errors = List.copyOf(errors);
    }

    /** The one-line errors: the message itself for a single error. */
    public List<String> errors()
    {
        return errors;
    }
}
