package org.bomrl.tck;

import org.bomrl.api.report.Figure;
import org.bomrl.api.report.ReportWriter;

import java.nio.file.Path;
import java.util.List;

/** A report writer that writes nothing, under a given name (a fixture of the plugin contract's own tests). */
record FixtureWriter(String name)
        implements ReportWriter
{
    @Override
    public List<Path> write(List<Figure> figures, Path directory)
    {
        return List.of();
    }
}
