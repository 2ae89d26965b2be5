package org.bomrl.core.badinput;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plugin distance's settings come from the experiment file ({@code distance.<name>.<key>}), like
 * every other component's. The test distance reports the settings it was created with by refusing
 * them, so the value that reached {@code create} is in the error.
 */
final class PluginDistanceSettingsTest
{
    private static final String FILE = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "experiment.mode = exact", "environment = env.example.bandit",
            "meta_train.iterations = 1", "meta_train.tasks_per_iteration = 1", "meta_test.rounds = 1", "meta_test.repetitions = 1",
            "methods = b", "method.b.adaptation = adapt.bomrl", "method.b.adaptation.distance = distance.test.scaled", "");

    @TempDir
    Path directory;

    private ExperimentRunner runner;

    @BeforeEach
    void loadThePlugin()
    {
        String source = """
                package scaled;

                public final class Plugin implements org.bomrl.api.BomrlPlugin {
                    @Override
                    public java.util.List<org.bomrl.api.distance.PolicyDistanceFactory> distanceFactories() {
                        return java.util.List.of(new org.bomrl.api.distance.PolicyDistanceFactory() {
                            @Override public String name() { return "distance.test.scaled"; }
                            @Override public String description() { return "reports its scale"; }
                            @Override public java.util.List<org.bomrl.api.settings.SettingSpec> settings() {
                                return java.util.List.of(org.bomrl.api.settings.SettingSpec.of("scale", org.bomrl.api.settings.SettingType.DOUBLE, "1.0", "scale"));
                            }
                            @Override public org.bomrl.api.distance.PolicyDistance create(org.bomrl.api.settings.Settings settings, org.bomrl.api.context.RunContext context) {
                                throw new org.bomrl.api.settings.InvalidSettingException("distance.test.scaled created with scale = " + settings.getDouble("scale"));
                            }
                        });
                    }
                }
                """;
        Path jar = PluginJars.build(directory.resolve("build"), directory.resolve("scaled.jar"), Map.of("scaled/Plugin.java", source),
                Map.of("META-INF/services/" + BomrlPlugin.class.getName(), "scaled.Plugin\n"));
        runner = Injection.create(PluginRegistry.load(getClass().getClassLoader(), List.of(jar))).getInstance(ExperimentRunner.class);
    }

    @Test
    void aDistanceGetsTheSettingsOfItsSlice()
    {
        assertThatThrownBy(() -> run(FILE + "distance.distance.test.scaled.scale = 3\n")).hasMessage("distance.test.scaled created with scale = 3.0");
    }

    @Test
    void aDistanceWithoutKeysGetsItsDefaults()
    {
        assertThatThrownBy(() -> run(FILE)).hasMessage("distance.test.scaled created with scale = 1.0");
    }

    @Test
    void aMistypedDistanceKeyIsAnUnknownKey()
    {
        assertThatThrownBy(() -> runner.check(load(FILE.replace("distance.test.scaled", "distance.kl-adapted-prior") + "distance.distance.test.scaled.scal = 3\n")))
                .hasMessageContaining("unknown key 'distance.distance.test.scaled.scal'");
    }

    private void run(String text)
    {
        runner.run(load(text), directory.resolve("out"), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), (row, checkpoint) -> {});
    }

    private ExperimentConfiguration load(String text)
    {
        try {
            return ExperimentConfiguration.load(java.nio.file.Files.writeString(directory.resolve("e.properties"), text), Map.of());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
