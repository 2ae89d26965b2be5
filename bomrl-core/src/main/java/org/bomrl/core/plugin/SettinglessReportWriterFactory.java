package org.bomrl.core.plugin;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A ready-made writer of a plugin's deprecated {@link BomrlPlugin#reportWriters()} as a
 * {@link ReportWriterFactory} without settings: named after the writer, creating that same
 * (stateless, shared) writer, so older plugins register through the one report-writer kind.
 */
final class SettinglessReportWriterFactory
        implements ReportWriterFactory
{
    private final ReportWriter writer;

    SettinglessReportWriterFactory(ReportWriter writer)
    {
        this.writer = requireNonNull(writer, "writer is null");
    }

    /** The plugin's report writer factories followed by its ready-made writers wrapped; null when either list is null. */
    @SuppressWarnings("deprecation")
    static List<? extends ComponentFactory<?>> contributions(BomrlPlugin plugin)
    {
        List<ReportWriterFactory> factories = plugin.reportWriterFactories();
        List<ReportWriter> writers = plugin.reportWriters();
        if (factories == null || writers == null) {
            return null;
        }
        List<ComponentFactory<?>> all = new ArrayList<>(factories);
        for (ReportWriter writer : writers) {
            all.add(writer == null ? null : new SettinglessReportWriterFactory(writer));
        }
        return all;
    }

    /** The class the plugin wrote: the wrapped writer's, else the factory's own. */
    static Class<?> implementation(ComponentFactory<?> factory)
    {
        return factory instanceof SettinglessReportWriterFactory wrapped ? wrapped.writer.getClass() : factory.getClass();
    }

    @Override
    public String name()
    {
        return writer.name();
    }

    @Override
    public String description()
    {
        return "report writer " + writer.getClass().getName() + " (no settings)";
    }

    @Override
    public List<SettingSpec> settings()
    {
        return List.of();
    }

    @Override
    public ReportWriter create(Settings settings, RunContext context)
    {
        return writer;
    }
}
