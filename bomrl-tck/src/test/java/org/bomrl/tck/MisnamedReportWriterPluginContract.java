package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;

/** The plugin contract applied to {@link MisnamedReportWriterPlugin}; run only by {@link ReportWriterContractTest}, where it must fail. */
final class MisnamedReportWriterPluginContract
        extends BomrlPluginContract
{
    @Override
    protected BomrlPlugin plugin()
    {
        return new MisnamedReportWriterPlugin();
    }
}
