package org.bomrl.core.experiment;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Report writers are components like any other: {@code experiment.report_writers} names them, each
 * is created by its factory with its slice {@code report.<writer name>.<key>} (recorded in the
 * effective configuration only when given), and a ready-made writer of an old plugin's deprecated
 * {@code reportWriters()} still runs. The test plugin's writer lists each figure's title in a file
 * whose extension is its setting, so the value that reached {@code create} is visible in the run
 * directory; the PNG writer's image size is read back from the images.
 */
final class ReportWriterSettingsTest
{
    private static final String LISTING = "report.test.listing";
    private static final String LEGACY = "report.test.legacy";
    private static final String TINY = String.join("\n",
            "experiment.type = meta-learning", "environment = env.example.bandit", "estimation.episodes = 20", "meta_train.iterations = 2",
            "meta_train.tasks_per_iteration = 2", "meta_test.rounds = 1", "meta_test.repetitions = 1", "methods = pg", "method.pg.adaptation = adapt.pg",
            "method.pg.adaptation.step_size = 5", "");

    @TempDir
    Path directory;

    private ExperimentRunner runner;

    @BeforeEach
    void loadThePlugins()
    {
        List<BomrlPlugin> plugins = new ArrayList<>(ServiceLoader.load(BomrlPlugin.class, getClass().getClassLoader()).stream().map(ServiceLoader.Provider::get).toList());
        plugins.add(new ListingPlugin());
        plugins.add(new LegacyPlugin());
        runner = Injection.create(PluginRegistry.of(plugins)).getInstance(ExperimentRunner.class);
    }

    @Test
    void aPluginWritersSettingFromTheExperimentFileReachesIt()
            throws IOException
    {
        Path run = run("configured", TINY + "experiment.report_writers = report.png, " + LISTING + "\nreport." + LISTING + ".extension = lst\nreport.report.png.width = 640\n");

        Set<String> listed = baseNames(run, ".lst");
        assertThat(listed).as("figures listed with the configured extension").isNotEmpty();
        assertThat(baseNames(run, ".txt")).as("files with the default extension").isEmpty();
        assertThat(listed).as("the listing writer and the PNG writer render the same figures").isEqualTo(baseNames(run, ".png"));
        for (String name : listed) {
            assertThat(Files.readString(run.resolve(name + ".lst"))).as("title in %s.lst", name).isNotBlank();
            BufferedImage image = ImageIO.read(run.resolve(name + ".png").toFile());
            assertThat(image.getWidth()).as("width of %s.png", name).isEqualTo(640);
            assertThat(image.getHeight()).as("height of %s.png (default)", name).isEqualTo(500);
        }
        assertThat(configuration(run)).as("a writer with a key given has its whole slice recorded").containsEntry("report." + LISTING + ".extension", "lst")
                .containsEntry("report.report.png.width", "640").containsEntry("report.report.png.height", "500");
    }

    @Test
    void aWriterWithoutKeysGetsItsDefaultsAndTheConfigurationRecordsNone()
            throws IOException
    {
        Path run = run("defaults", TINY + "experiment.report_writers = " + LISTING + "\n");

        assertThat(baseNames(run, ".txt")).as("figures listed with the default extension").isNotEmpty();
        assertThat(baseNames(run, ".png")).as("PNG files (not listed)").isEmpty();
        assertThat(configuration(run).keySet()).filteredOn(key -> key.startsWith("report.")).isEmpty();
    }

    @Test
    void theDefaultPngWriterStillWritesItsImagesAtTheirDefaultSize()
            throws IOException
    {
        Path run = run("png", TINY);

        Set<String> images = baseNames(run, ".png");
        assertThat(images).isNotEmpty();
        for (String name : images) {
            BufferedImage image = ImageIO.read(run.resolve(name + ".png").toFile());
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(500);
        }
    }

    @Test
    void anOldPluginsReadyMadeWriterStillRuns()
            throws IOException
    {
        Path run = run("legacy", TINY + "experiment.report_writers = " + LEGACY + "\n");

        assertThat(baseNames(run, ".legacy")).isNotEmpty();
    }

    @Test
    void anUnknownWriterIsOneLineNamingTheKeyAndTheValidNames()
    {
        assertThatThrownBy(() -> run("unknown", TINY + "experiment.report_writers = report.pgn\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("experiment.report_writers = 'report.pgn' is not a registered report writer; did you mean 'report.png'?; valid: report.png, "
                        + LEGACY + ", " + LISTING);
        assertThat(directory.resolve("unknown")).doesNotExist();
    }

    @Test
    void aMistypedWriterKeyIsAnUnknownKey()
    {
        assertThatThrownBy(() -> run("mistyped", TINY + "experiment.report_writers = " + LISTING + "\nreport." + LISTING + ".extensoin = lst\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("unknown key 'report." + LISTING + ".extensoin'")
                .hasMessageContaining("did you mean 'report." + LISTING + ".extension'?");
    }

    @Test
    void keysOfAWriterThatIsNotListedAreUnknown()
    {
        assertThatThrownBy(() -> run("unlisted", TINY + "experiment.report_writers =\nreport.report.png.width = 640\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("unknown key 'report.report.png.width'");
    }

    @Test
    void aWriterListedTwiceIsRefused()
    {
        assertThatThrownBy(() -> run("twice", TINY + "experiment.report_writers = report.png, report.png\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("experiment.report_writers: 'report.png' is listed twice");
    }

    @Test
    void anInvalidPngSizeNamesTheKeyAndTheRange()
    {
        assertThatThrownBy(() -> run("tiny-image", TINY + "report.report.png.height = 10\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("report.report.png.height = '10'")
                .hasMessageEndingWith("is invalid: expected 200 to 10000 pixels");
    }

    private Path run(String name, String text)
            throws IOException
    {
        Path file = Files.writeString(directory.resolve(name + ".properties"), text);
        return runner.run(ExperimentConfiguration.load(file, Map.of()), directory.resolve(name), TestRuns.QUIET, (row, checkpoint) -> {});
    }

    private static Set<String> baseNames(Path run, String extension)
            throws IOException
    {
        try (Stream<Path> files = Files.list(run)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(extension))
                    .map(file -> file.substring(0, file.length() - extension.length())).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Map<String, String> configuration(Path run)
            throws IOException
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(run.resolve(RunDirectory.CONFIG))) {
            properties.load(reader);
        }
        Map<String, String> result = new java.util.TreeMap<>();
        properties.stringPropertyNames().forEach(key -> result.put(key, properties.getProperty(key).trim()));
        return result;
    }

    /** Writes each figure's title to {@code <file name>.<extension>}. */
    private record ListingWriter(String name, String extension)
            implements ReportWriter
    {
        @Override
        public List<Path> write(List<Figure> figures, Path target)
                throws IOException
        {
            List<Path> written = new ArrayList<>();
            for (Figure figure : figures) {
                written.add(Files.writeString(target.resolve(figure.fileName() + "." + extension), figure.title()));
            }
            return written;
        }
    }

    private static final class ListingPlugin
            implements BomrlPlugin
    {
        @Override
        public List<ReportWriterFactory> reportWriterFactories()
        {
            return List.of(new ReportWriterFactory()
            {
                @Override
                public String name()
                {
                    return LISTING;
                }

                @Override
                public String description()
                {
                    return "lists each figure's title";
                }

                @Override
                public List<SettingSpec> settings()
                {
                    return List.of(SettingSpec.of("extension", org.bomrl.api.settings.SettingType.STRING, "txt", "extension of the listing files"));
                }

                @Override
                public ReportWriter create(Settings settings, RunContext context)
                {
                    return new ListingWriter(LISTING, settings.getString("extension").trim());
                }
            });
        }
    }

    private static final class LegacyPlugin
            implements BomrlPlugin
    {
        @Override
        @SuppressWarnings("deprecation")
        public List<ReportWriter> reportWriters()
        {
            return List.of(new ListingWriter(LEGACY, "legacy"));
        }
    }
}
