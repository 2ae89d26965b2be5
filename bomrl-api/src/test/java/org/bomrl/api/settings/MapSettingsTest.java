package org.bomrl.api.settings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class MapSettingsTest
{
    private static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("lambda", SettingType.DOUBLE, "1.0", "regularisation weight"),
            SettingSpec.required("episodes", SettingType.INTEGER, "episodes per round"),
            SettingSpec.choice("solver", "auto", "solver", "auto", "exact"),
            SettingSpec.of("flag", SettingType.BOOLEAN, "false", "a flag"),
            SettingSpec.of("weights", SettingType.LIST, "1, 2.5 ,,3", "numbers"));

    @Test
    void givenValuesWinOverDefaultsAndListsAreTrimmed()
    {
        MapSettings settings = new MapSettings("method.adaptation", Map.of("lambda", "0.25", "episodes", "7"), Map.of("lambda", "file.properties"), SPECS);

        assertThat(settings.getDouble("lambda")).isEqualTo(0.25);
        assertThat(settings.getInt("episodes")).isEqualTo(7);
        assertThat(settings.getString("solver")).isEqualTo("auto");
        assertThat(settings.getBoolean("flag")).isFalse();
        assertThat(settings.getDoubles("weights")).containsExactly(1, 2.5, 3);
        assertThat(settings.source("lambda")).isEqualTo("file.properties");
        assertThat(settings.source("episodes")).isEqualTo("given");
        assertThat(settings.source("solver")).isEqualTo("default");
        assertThat(settings.keys()).containsExactly("episodes", "lambda");
    }

    @Test
    void errorsNameTheKeyValueSourceAndWhatIsValid()
    {
        MapSettings settings = new MapSettings("env", Map.of("lambda", "fast", "solver", "magic", "flag", "yes"), Map.of("lambda", "x.properties"), SPECS);

        assertThatThrownBy(() -> settings.getDouble("lambda")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("env.lambda = 'fast' (x.properties) is invalid: expected a decimal number");
        assertThatThrownBy(() -> settings.getString("solver")).hasMessage("env.solver = 'magic' (given) is invalid: expected one of auto, exact");
        assertThatThrownBy(() -> settings.getBoolean("flag")).hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> settings.getInt("episodes")).hasMessage("env.episodes is required (an integer: episodes per round)");
        assertThatThrownBy(() -> MapSettings.of("env", Map.of("lambda", "NaN"), SPECS).getDouble("lambda")).hasMessageContaining("a finite decimal number");
    }

    @Test
    void specsRejectDefaultsOutsideTheirChoices()
    {
        assertThatThrownBy(() -> SettingSpec.choice("solver", "other", "solver", "auto", "exact")).hasMessageContaining("is not one of [auto, exact]");
    }
}
