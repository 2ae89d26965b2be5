package org.bomrl.core.plugin;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Report writers are one factory kind, {@link FactoryKind#REPORT}: factories from
 * {@link BomrlPlugin#reportWriterFactories()} and the ready-made writers of the deprecated
 * {@code reportWriters()} (each wrapped in a factory without settings) are named, checked and found
 * like the factories of every other kind.
 */
final class ReportWriterRegistrationTest
{
    private static final RunContext CONTEXT = new RunContext(RandomSource.seeded(7), name -> {
        throw new IllegalArgumentException("no distances here: " + name);
    });

    @Test
    void factoriesAndReadyMadeWritersAreRegisteredAsReportWriters()
    {
        NamedWriter old = new NamedWriter("report.test.old");
        PluginRegistry registry = PluginRegistry.of(List.of(new FactoryPlugin(new NamedFactory("report.test.new")), new OldPlugin(old)));

        assertThat(registry.factories(FactoryKind.REPORT)).extracting(RegisteredFactory::name).containsExactly("report.test.new", "report.test.old");
        RegisteredFactory wrapped = registry.find("report.test.old").orElseThrow();
        assertThat(wrapped.kind()).isEqualTo(FactoryKind.REPORT);
        assertThat(wrapped.factory().settings()).isEmpty();
        assertThat(wrapped.factory().description()).contains(NamedWriter.class.getName());
        assertThat(wrapped.origin()).isEqualTo(PluginRegistry.origin(NamedWriter.class));
        Object created = wrapped.factory().create(MapSettings.of("report.report.test.old", Map.of(), List.of()), CONTEXT);
        assertThat(created).isSameAs(old);
    }

    @Test
    void theBuiltInPngWriterIsAFactoryWithSettings()
    {
        RegisteredFactory png = PluginRegistry.load(getClass().getClassLoader()).find("report.png").orElseThrow();

        assertThat(png.kind()).isEqualTo(FactoryKind.REPORT);
        assertThat(png.factory()).isInstanceOf(ReportWriterFactory.class);
        assertThat(png.factory().settings()).extracting(SettingSpec::key).containsExactly("width", "height");
    }

    @Test
    void aDuplicateNameBetweenAFactoryAndAReadyMadeWriterIsRefusedNamingBoth()
    {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new FactoryPlugin(new NamedFactory("report.test.same")), new OldPlugin(new NamedWriter("report.test.same")))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("duplicate report writer name 'report.test.same'")
                .hasMessageContaining(NamedFactory.class.getName())
                .hasMessageContaining(NamedWriter.class.getName());
    }

    @Test
    void twoFactoriesWithOneNameAreRefused()
    {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new FactoryPlugin(new NamedFactory("report.test.same")), new FactoryPlugin(new NamedFactory("report.test.same")))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("duplicate report writer name 'report.test.same'");
    }

    @Test
    void aNameWithoutTheReportPrefixIsRefused()
    {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new OldPlugin(new NamedWriter("png")))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("report writer factory " + NamedWriter.class.getName())
                .hasMessageContaining("'png', which is not namespaced: report writer names start with 'report.'");
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new FactoryPlugin(new NamedFactory("csv.table")))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'csv.table', which is not namespaced");
    }

    @Test
    void aNullReadyMadeWriterIsRefusedNamingThePlugin()
    {
        OldPlugin plugin = new OldPlugin((ReportWriter) null);

        assertThatThrownBy(() -> PluginRegistry.of(List.of(plugin)))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining(OldPlugin.class.getName())
                .hasMessageContaining("listed a null report writer factory");
    }

    private static final class FactoryPlugin
            implements BomrlPlugin
    {
        private final ReportWriterFactory factory;

        FactoryPlugin(ReportWriterFactory factory)
        {
            this.factory = factory;
        }

        @Override
        public List<ReportWriterFactory> reportWriterFactories()
        {
            return List.of(factory);
        }
    }

    private static final class OldPlugin
            implements BomrlPlugin
    {
        private final List<ReportWriter> writers;

        OldPlugin(ReportWriter... writers)
        {
            this.writers = Arrays.asList(writers);
        }

        @Override
        @SuppressWarnings("deprecation")
        public List<ReportWriter> reportWriters()
        {
            return writers;
        }
    }

    private record NamedWriter(String name)
            implements ReportWriter
    {
        @Override
        public List<Path> write(List<Figure> figures, Path directory)
        {
            return List.of();
        }
    }

    private record NamedFactory(String name)
            implements ReportWriterFactory
    {
        @Override
        public String description()
        {
            return "writes nothing";
        }

        @Override
        public List<SettingSpec> settings()
        {
            return List.of();
        }

        @Override
        public ReportWriter create(Settings settings, RunContext context)
        {
            return new NamedWriter(name);
        }
    }
}
