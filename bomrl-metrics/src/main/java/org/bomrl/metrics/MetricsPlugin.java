package org.bomrl.metrics;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.report.ReportWriterFactory;
import org.bomrl.metrics.compare.BuiltInComparators;
import org.bomrl.metrics.distance.BuiltInDistances;
import org.bomrl.metrics.report.PngReportWriterFactory;

import java.util.List;

/**
 * The built-in metrics plugin, found by {@link java.util.ServiceLoader} like any third-party jar:
 * the policy distances of spec §2.3, the comparators of spec §1.3 and the PNG report writer
 * ({@code report.png}).
 */
public final class MetricsPlugin
        implements BomrlPlugin
{
    @Override
    public List<PolicyDistanceFactory> distanceFactories()
    {
        return BuiltInDistances.factories();
    }

    @Override
    public List<OptimalityComparatorFactory> comparatorFactories()
    {
        return BuiltInComparators.factories();
    }

    @Override
    public List<ReportWriterFactory> reportWriterFactories()
    {
        return List.of(new PngReportWriterFactory());
    }
}
