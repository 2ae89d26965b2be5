package org.bomrl.tck;

import org.bomrl.api.context.RunContext;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.util.List;

/** A report writer factory named {@code name} whose writers are named {@code writerName} (equal for a correct factory). */
record FixtureWriterFactory(String name, String writerName)
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
        return List.of(SettingSpec.of("dpi", SettingType.INTEGER, "96", "dots per inch"));
    }

    @Override
    public ReportWriter create(Settings settings, RunContext context)
    {
        settings.getInt("dpi");
        return new FixtureWriter(writerName);
    }
}
