package org.bomrl.api.settings;

import org.bomrl.api.Stable;

/** A setting is missing, unknown or has an invalid value; the message is one line for the user. */
@Stable(since = "0.1")
public final class InvalidSettingException
        extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message)
    {
        super(message);
    }
}
