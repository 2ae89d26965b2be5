package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;

import java.util.List;

/** A faulty plugin: its factory's writer reports another name, and its ready-made writer's name lacks the {@code report.} prefix. */
public final class MisnamedReportWriterPlugin
        implements BomrlPlugin
{
    @Override
    public List<ReportWriterFactory> reportWriterFactories()
    {
        return List.of(new FixtureWriterFactory("report.fixture.misnamed", "report.fixture.other"));
    }

    @Override
    @SuppressWarnings("deprecation")
    public List<ReportWriter> reportWriters()
    {
        return List.of(new FixtureWriter("png"));
    }
}
