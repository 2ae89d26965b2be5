package org.bomrl.hazelcast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A run on a loopback cluster leaves byte-identical result files to the same run on the local pool. */
final class ClusterRunTest
{
    private static final String TABULAR = "figure1/high-variance-alg2.properties";
    private static final String NEURAL = "continuous/navigation-2d.properties";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tabularMetaLearningOnThreeWorkersEqualsLocal(@TempDir Path out)
    {
        Map<String, String> local = Runs.results(Runs.run(TABULAR, out.resolve("local"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR));
        Map<String, String> clustered;
        try (LoopbackCluster cluster = LoopbackCluster.start(3)) {
            clustered = Runs.results(Runs.run(TABULAR, out.resolve("cluster"), (row, checkpoint) -> {}, Runs.SHORT_TABULAR, cluster.execution("client")));
            assertThat(cluster.workers).as("every worker ran units").allSatisfy(worker -> assertThat(worker.unitsRun()).isPositive());
        }
        assertThat(local).containsKeys("training-bomrl.csv", "summary.json");
        assertThat(clustered).isEqualTo(local);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void neuralNavigationWithMemberDriverEqualsLocal(@TempDir Path out)
    {
        Map<String, String> local = Runs.results(Runs.run(NEURAL, out.resolve("local"), (row, checkpoint) -> {}, Runs.TINY_NEURAL));
        Map<String, String> clustered;
        try (LoopbackCluster cluster = LoopbackCluster.start(2)) {
            clustered = Runs.results(Runs.run(NEURAL, out.resolve("cluster"), (row, checkpoint) -> {}, Runs.TINY_NEURAL, cluster.execution("member")));
        }
        assertThat(local).containsKeys("training-alg1.csv", "summary.json");
        assertThat(clustered).isEqualTo(local);
    }

    /** The running observation filter's snapshot travels with the units and the raw statistics come back with the outcomes (spec §5b). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void neuralNavigationWithTheObservationFilterOnTwoWorkersEqualsLocal(@TempDir Path out)
            throws IOException
    {
        Map<String, String> filter = Map.of("policy.observation_filter", "running", "meta_train.checkpoint_every", "1");
        Path localRun = Runs.run(NEURAL, out.resolve("local"), (row, checkpoint) -> {}, Runs.TINY_NEURAL, filter);
        Path clusterRun;
        try (LoopbackCluster cluster = LoopbackCluster.start(2)) {
            clusterRun = Runs.run(NEURAL, out.resolve("cluster"), (row, checkpoint) -> {}, Runs.TINY_NEURAL, filter, cluster.execution("client"));
            assertThat(cluster.workers).as("every worker ran units").allSatisfy(worker -> assertThat(worker.unitsRun()).isPositive());
        }
        String checkpoint = Files.readString(localRun.resolve("checkpoints/alg1.json"));
        assertThat(checkpoint).contains("observation_filter");
        assertThat(Files.readString(clusterRun.resolve("checkpoints/alg1.json"))).isEqualTo(checkpoint);
        assertThat(Runs.results(clusterRun)).isEqualTo(Runs.results(localRun));
    }
}
