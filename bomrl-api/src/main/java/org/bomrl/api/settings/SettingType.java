package org.bomrl.api.settings;

/** The value types a setting may declare; each names what a valid value looks like. */
@org.bomrl.api.Stable(since = "0.1")
public enum SettingType
{
    STRING("a string"),
    INTEGER("an integer"),
    LONG("a 64-bit integer"),
    DOUBLE("a decimal number"),
    BOOLEAN("true or false"),
    LIST("a comma-separated list");

    private final String expected;

    SettingType(String expected)
    {
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages. */
    public String expected()
    {
        return expected;
    }
}
