package org.bomrl.metrics;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.ComponentFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsPluginTest
{
    @Test
    void isFoundByTheServiceLoader()
    {
        List<BomrlPlugin> plugins = ServiceLoader.load(BomrlPlugin.class).stream().map(ServiceLoader.Provider::get).toList();

        assertThat(plugins).hasAtLeastOneElementOfType(MetricsPlugin.class);
    }

    @Test
    void contributesDistancesComparatorsAndThePngWriter()
    {
        MetricsPlugin plugin = new MetricsPlugin();

        assertThat(plugin.distanceFactories()).extracting(ComponentFactory::name).containsExactly(
                "distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean", "distance.squared-euclidean-probabilities");
        assertThat(plugin.comparatorFactories()).extracting(ComponentFactory::name).containsExactly("compare.all-task-optimum", "compare.meta-parameter", "compare.meta-parameter-adapted");
        assertThat(plugin.reportWriterFactories()).extracting(ComponentFactory::name).containsExactly("report.png");
        assertThat(plugin.environmentFactories()).isEmpty();
        assertThat(plugin.adaptationAlgorithmFactories()).isEmpty();
    }
}
