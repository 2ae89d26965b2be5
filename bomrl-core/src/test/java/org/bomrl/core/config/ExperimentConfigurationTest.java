package org.bomrl.core.config;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ExperimentConfigurationTest
{
    private static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("gamma", SettingType.DOUBLE, "0.8", "discount"),
            SettingSpec.of("horizon", SettingType.INTEGER, "49", "steps"),
            SettingSpec.of("map_name", SettingType.STRING, "4x4", "map"));

    @TempDir
    Path directory;

    private Path file(String text)
            throws IOException
    {
        Path file = directory.resolve("experiment.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void overridesBeatTheFileWhichBeatsDefaults()
            throws IOException
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file("environment.gamma = 0.9\nenvironment.horizon = 10\n"), Map.of("environment.horizon", "20"));
        MapSettings settings = config.settings("environment", SPECS);

        assertThat(settings.getDouble("gamma")).isEqualTo(0.9);
        assertThat(settings.getInt("horizon")).isEqualTo(20);
        assertThat(settings.getString("map_name")).isEqualTo("4x4");
        assertThat(config.source("environment.horizon")).isEqualTo("--set");
        assertThat(config.source("environment.gamma")).endsWith("experiment.properties");
        assertThat(config.source("environment.map_name")).isEqualTo("default");
        assertThat(config.effective()).containsEntry("environment.horizon", "20").containsEntry("environment.gamma", "0.9").containsEntry("environment.map_name", "4x4");
    }

    @Test
    void unknownKeyIsReportedWithTheClosestKnownKey()
            throws IOException
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file("environment.gama = 0.9\n"), Map.of());
        config.settings("environment", SPECS);

        assertThatThrownBy(config::checkNoUnknownKeys)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("experiment.properties")
                .hasMessageContaining("unknown key 'environment.gama'")
                .hasMessageContaining("did you mean 'environment.gamma'?");
    }

    @Test
    void wrongTypeNamesKeyValueSourceAndExpectation()
            throws IOException
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file("environment.horizon = ten\n"), Map.of());

        assertThatThrownBy(() -> config.settings("environment", SPECS))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("environment.horizon = 'ten' (" + directory.resolve("experiment.properties") + ") is invalid: expected an integer");
    }

    @Test
    void overlayReplacesOnlyTheGivenValues()
            throws IOException
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file("a.gamma = 0.5\na.horizon = 7\nb.gamma = 0.25\n"), Map.of());
        MapSettings overlaid = config.overlaid("a", "b", SPECS);

        assertThat(overlaid.getDouble("gamma")).isEqualTo(0.25);
        assertThat(overlaid.getInt("horizon")).isEqualTo(7);
        config.checkNoUnknownKeys();
    }

    @Test
    void missingRequiredSelectorAndFileAreOneLineErrors()
            throws IOException
    {
        ExperimentConfiguration config = ExperimentConfiguration.load(file("x = 1\n"), Map.of());

        assertThatThrownBy(() -> config.selector("environment", Optional.empty())).hasMessageContaining("required key 'environment' is missing");
        assertThatThrownBy(() -> ExperimentConfiguration.load(directory.resolve("absent.properties"), Map.of())).hasMessageContaining("no such experiment file");
        assertThatThrownBy(() -> ExperimentConfiguration.load(directory.resolve("x.yaml"), Map.of())).hasMessageContaining("use a .properties file");
    }

    @Test
    void suggestionsUseEditDistance()
    {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.didYouMean("meta_train.iteratons", List.of("meta_train.iterations", "meta_test.rounds"))).isEqualTo("; did you mean 'meta_train.iterations'?");
        assertThat(Suggestions.didYouMean("zzz", List.of("meta_train.iterations"))).isEmpty();
    }
}
