package org.bomrl.api;

import org.bomrl.api.adapt.AdaptationAlgorithmFactory;
import org.bomrl.api.compare.OptimalityComparatorFactory;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.optim.OuterOptimizerFactory;
import org.bomrl.api.policy.PolicyClassFactory;
import org.bomrl.api.report.ReportWriter;
import org.bomrl.api.report.ReportWriterFactory;

import java.util.List;

/**
 * The root service interface, loaded with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/org.bomrl.api.BomrlPlugin}. A plugin overrides only the kinds it
 * contributes; new kinds are added as default methods returning empty lists, so older plugin
 * jars keep loading.
 *
 * <p>Methods are called once, at start-up, from one thread; they must return non-null lists
 * (empty when the plugin contributes nothing of that kind). Factory names must be unique across
 * all plugins on the class path: a duplicate fails start-up naming both classes.
 */
@Stable(since = "0.1")
public interface BomrlPlugin
{
    /** Environments and task distributions. */
    default List<EnvironmentFactory> environmentFactories()
    {
        return List.of();
    }

    /** Policy distances D_τ(π, π_φ). */
    default List<PolicyDistanceFactory> distanceFactories()
    {
        return List.of();
    }

    /** Within-task adaptation algorithms with the meta-update they pair with. */
    default List<AdaptationAlgorithmFactory> adaptationAlgorithmFactories()
    {
        return List.of();
    }

    /** References the optimality gap is measured against. */
    default List<OptimalityComparatorFactory> comparatorFactories()
    {
        return List.of();
    }

    /** Policy classes (Gaussian MLP, …). */
    default List<PolicyClassFactory> policyClassFactories()
    {
        return List.of();
    }

    /** Outer optimisers of meta-training (Adam, the TRPO step, …). */
    default List<OuterOptimizerFactory> outerOptimizerFactories()
    {
        return List.of();
    }

    /** Makers of renderers of a run's figures (PNG, …), configured like every other component. */
    default List<ReportWriterFactory> reportWriterFactories()
    {
        return List.of();
    }

    /**
     * Ready-made renderers of a run's figures, which take no settings. Still loaded: core wraps each
     * in a settings-less {@code report.*} factory named after the writer, so names are checked
     * (prefix, duplicates) as for {@link #reportWriterFactories()}.
     *
     * @deprecated contribute {@link ReportWriterFactory}s through {@link #reportWriterFactories()}
     *         instead; a factory can declare settings.
     */
    @Deprecated(since = "0.2")
    default List<ReportWriter> reportWriters()
    {
        return List.of();
    }
}
