package org.bomrl.tck;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The plugin contract catches report writers that break the naming rules: a factory whose writer
 * reports another name, and a ready-made writer of the deprecated kind without the {@code report.}
 * prefix; the other contract tests pass for that plugin.
 */
final class ReportWriterContractTest
{
    @Test
    void aMisnamedWriterAndAnUnprefixedReadyMadeWriterFailTheContract()
    {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(MisnamedReportWriterPluginContract.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();

        assertThat(summary.getTestsFoundCount()).isEqualTo(5);
        assertThat(summary.getFailures()).extracting(failure -> failure.getTestIdentifier().getDisplayName()).containsExactlyInAnyOrder(
                "reportWriterFactoriesCreateWritersNamedAsThemselvesFromTheirDefaults()", "factoryNamesAreNamespacedUniqueAndDescribed()");
    }
}
