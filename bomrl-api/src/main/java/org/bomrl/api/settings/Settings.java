package org.bomrl.api.settings;

import io.vavr.control.Option;
import org.bomrl.api.Stable;

import java.util.List;
import java.util.Set;

/**
 * A read-only view of one component's settings. Getters return the given value, else the
 * declared default; a missing required value or a value of the wrong type throws
 * {@link InvalidSettingException} naming the key, the value, where it came from and what
 * would be valid. Instances are immutable and safe to share between threads.
 */
@Stable(since = "0.1")
public interface Settings
{
    /** The slice these settings belong to, e.g. {@code environment}, for messages. */
    String scope();

    /** Keys given explicitly (relative to the slice). */
    Set<String> keys();

    /** The explicitly given raw value of {@code key}, if any. */
    Option<String> raw(String key);

    /** Where {@code key}'s value came from (a file, {@code --set}, or {@code default}). */
    String source(String key);

    String getString(String key);

    int getInt(String key);

    long getLong(String key);

    double getDouble(String key);

    boolean getBoolean(String key);

    /** A comma-separated list, items trimmed, empty items dropped. */
    List<String> getList(String key);

    /** {@link #getList} parsed as decimal numbers. */
    double[] getDoubles(String key);
}
