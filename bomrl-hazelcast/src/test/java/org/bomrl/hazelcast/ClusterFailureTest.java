package org.bomrl.hazelcast;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.core.exec.ExecutionFailedException;
import org.bomrl.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workers that crash, a cluster that loses every worker, and workers running other code. */
final class ClusterFailureTest
{
    private static final String TABULAR = "figure1/high-variance-alg2.properties";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unitsOfAWorkerKilledMidIterationRunOnTheSurvivors(@TempDir Path out)
            throws InterruptedException
    {
        Map<String, String> local = Runs.results(Runs.run(TABULAR, out.resolve("local"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR));
        AtomicInteger resubmitted = new AtomicInteger();
        Handler counter = new Handler()
        {
            @Override
            public void publish(LogRecord record)
            {
                if (record.getMessage().contains("resubmitted")) {
                    resubmitted.incrementAndGet();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(UnitDispatcher.class.getPackageName());
        log.addHandler(counter);
        Map<String, String> clustered;
        try (LoopbackCluster cluster = LoopbackCluster.start(3)) {
            ClusterWorker victim = cluster.workers.get(1);
            Thread killer = new Thread(() -> {
                while (!(victim.unitsRun() >= 3 && victim.unitsInProgress() > 0)) {
                    Thread.onSpinWait();
                }
                victim.crash();
            }, "killer");
            killer.setDaemon(true);
            killer.start();
            clustered = Runs.results(Runs.run(TABULAR, out.resolve("cluster"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR, cluster.execution("client")));
            killer.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(killer.isAlive()).as("the victim was killed").isFalse();
        }
        finally {
            log.removeHandler(counter);
        }
        assertThat(resubmitted.get()).as("units resubmitted after the kill").isPositive();
        assertThat(clustered).isEqualTo(local);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void losingEveryWorkerFailsWithTheCheckpointIntactAndResumesLocally(@TempDir Path out)
    {
        Map<String, String> local = Runs.results(Runs.run(TABULAR, out.resolve("local"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR));
        Path run = out.resolve("cluster");
        try (LoopbackCluster cluster = LoopbackCluster.start(2)) {
            assertThatThrownBy(() -> Runs.run(TABULAR, run, (row, checkpoint) -> {
                if (row.iteration() == 1) {
                    cluster.workers.forEach(ClusterWorker::crash);
                }
            }, Runs.SHORT_TABULAR, cluster.execution("member")))
                    .isInstanceOf(ExecutionFailedException.class)
                    .hasMessageContaining("all workers of cluster '" + cluster.name + "' are gone")
                    .hasMessageContaining("bomrl resume")
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
        }
        assertThat(run.resolve("checkpoints/bomrl.json")).isRegularFile();
        assertThat(run.resolve("training-bomrl.csv")).doesNotExist();
        Path resumed = Runs.runner().resume(run, Map.of("execution.backend", "local"), Runs.QUIET, (row, checkpoint) -> {});
        assertThat(Runs.results(resumed)).isEqualTo(local);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void workersRunningOtherPluginsRefuseWork(@TempDir Path out)
    {
        List<BomrlPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(BomrlPlugin.class, getClass().getClassLoader()).forEach(plugins::add);
        PluginRegistry fewer = PluginRegistry.of(plugins.subList(0, plugins.size() - 1));
        try (LoopbackCluster cluster = LoopbackCluster.start(1)) {
            cluster.workers.forEach(ClusterWorker::crash);
            cluster.workers.clear();
            String address = cluster.execution("client").get("execution.members");
            cluster.workers.add(cluster.startWorker(address, fewer));
            assertThat(cluster.workers.get(0).fingerprint()).isNotEqualTo(CodeFingerprint.of(PluginRegistry.load(getClass().getClassLoader())));
            assertThatThrownBy(() -> Runs.run(TABULAR, out.resolve("cluster"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR, cluster.execution("client")))
                    .isInstanceOf(ExecutionFailedException.class)
                    .hasMessageContaining("worker " + address + " refuses work: its bomrl and plugin code")
                    .hasMessageContaining("differs from the driver's");
            assertThat(cluster.workers.get(0).unitsRun()).isZero();
        }
        assertThat(Files.exists(out.resolve("cluster/training-bomrl.csv"))).isFalse();
    }
}
