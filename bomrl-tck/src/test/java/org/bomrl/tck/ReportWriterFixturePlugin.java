package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;

import java.util.List;

/** A correct plugin of report writers: one factory with a setting and one ready-made writer of the deprecated kind. */
public final class ReportWriterFixturePlugin
        implements BomrlPlugin
{
    @Override
    public List<ReportWriterFactory> reportWriterFactories()
    {
        return List.of(new FixtureWriterFactory("report.fixture.factory", "report.fixture.factory"));
    }

    @Override
    @SuppressWarnings("deprecation")
    public List<ReportWriter> reportWriters()
    {
        return List.of(new FixtureWriter("report.fixture.ready-made"));
    }
}
