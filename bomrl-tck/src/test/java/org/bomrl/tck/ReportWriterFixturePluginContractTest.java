package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;

/** The plugin contract passes for a correct plugin of report writers (a factory with a setting and a ready-made writer). */
final class ReportWriterFixturePluginContractTest
        extends BomrlPluginContract
{
    @Override
    protected BomrlPlugin plugin()
    {
        return new ReportWriterFixturePlugin();
    }
}
