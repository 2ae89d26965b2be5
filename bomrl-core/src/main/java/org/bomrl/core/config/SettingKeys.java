package org.bomrl.core.config;

import org.bomrl.api.settings.InvalidSettingException;

import java.util.List;

/**
 * Keeps errors naming the key the user wrote when a value reaches a component under another name:
 * a method's adaptation value read through its {@code train.*} or {@code bound.adaptation.*}
 * overlay, or a {@code seeds.member.<key>} value set on each seed's run as {@code <key>}. Settings
 * errors start with the full key ({@code scope.key = 'value' ...}), so the key is renamed there.
 */
public final class SettingKeys
{
    private SettingKeys() {}

    /**
     * {@code error} with its leading key {@code from} replaced by {@code to} when it starts with
     * {@code from} as a whole key; otherwise {@code error} itself.
     */
    public static InvalidSettingException renamed(InvalidSettingException error, String from, String to)
    {
        List<String> errors = error.errors();
        List<String> renamed = errors.stream().map(message -> renamed(message, from, to)).toList();
        if (renamed.equals(errors)) {
            return error;
        }
        InvalidSettingException result = new InvalidSettingException(renamed);
        result.setStackTrace(error.getStackTrace());
        return result;
    }

    /** One error line with its leading key {@code from} replaced by {@code to} (when it starts with it as a whole key). */
    public static String renamed(String message, String from, String to)
    {
        return message != null && startsWithKey(message, from) ? to + message.substring(from.length()) : message;
    }

    /** Whether {@code message} starts with {@code key} not followed by another key character. */
    public static boolean startsWithKey(String message, String key)
    {
        if (!message.startsWith(key)) {
            return false;
        }
        if (message.length() == key.length()) {
            return true;
        }
        char next = message.charAt(key.length());
        return !(Character.isLetterOrDigit(next) || next == '_' || next == '-' || next == '.' && message.length() > key.length() + 1
                && Character.isLetterOrDigit(message.charAt(key.length() + 1)));
    }
}
