package org.bomrl.core.adapt;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.Settings;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumerated setting value, spelled {@link #settingValue()} in experiment files. */
interface SettingChoice
{
    String settingValue();

    /**
     * The constant of {@code choices} spelled as the value of {@code key}.
     *
     * @throws InvalidSettingException naming the key, the value and the valid spellings
     */
    static <E extends Enum<E> & SettingChoice> E parse(Settings settings, String key, E[] choices)
    {
        String value = settings.getString(key).trim();
        return Arrays.stream(choices).filter(choice -> choice.settingValue().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidSettingException(settings.scope() + "." + key + " = '" + value + "' is invalid: expected one of "
                        + Arrays.stream(choices).map(SettingChoice::settingValue).collect(Collectors.joining(", "))));
    }
}
