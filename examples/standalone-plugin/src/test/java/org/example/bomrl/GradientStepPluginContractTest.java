package org.example.bomrl;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.tck.BomrlPluginContract;

/** The plugin as a whole held to the plugin contract (service registration, namespaced names, settings). */
class GradientStepPluginContractTest
        extends BomrlPluginContract
{
    @Override
    protected BomrlPlugin plugin()
    {
        return new GradientStepPlugin();
    }
}
