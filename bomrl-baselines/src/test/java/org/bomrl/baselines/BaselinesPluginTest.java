package org.bomrl.baselines;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class BaselinesPluginTest
{
    @Test
    void serviceLoaderFindsThePluginAndBothFactories()
    {
        List<BomrlPlugin> plugins = ServiceLoader.load(BomrlPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(BaselinesPlugin.class::isInstance)
                .toList();

        assertThat(plugins).hasSize(1);
        BomrlPlugin plugin = plugins.get(0);
        assertThat(plugin.adaptationAlgorithmFactories()).extracting(ComponentFactory::name).containsExactly("adapt.pg", "adapt.maml", "adapt.maml-trpo", "adapt.promp", "adapt.e-maml");
        assertThat(plugin.outerOptimizerFactories()).extracting(ComponentFactory::name).containsExactly("optimizer.promp-epochs");
        assertThat(plugin.environmentFactories()).isEmpty();
        assertThat(plugin.distanceFactories()).isEmpty();
        assertThat(plugin.comparatorFactories()).isEmpty();
    }
}
