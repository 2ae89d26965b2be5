package org.bomrl.hazelcast;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad cluster configurations end with one line within a bounded time, never a hang. */
final class ClusterConfigurationTest
{
    private static final String TABULAR = "figure1/high-variance-alg2.properties";
    /** The join timeout of these runs is 3 s; formation and shutdown add a few seconds at most. */
    private static final long BOUND_MILLIS = 20_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unknownMemberIsAOneLineUserErrorOfTheCli(@TempDir Path out)
    {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = org.bomrl.core.cli.Bomrl.execute(new String[] {"run", Runs.EXAMPLES.resolve(TABULAR).toString(), "--out", out.resolve("run").toString(),
                "--set", "execution.backend=hazelcast", "--set", "execution.members=127.0.0.1:" + LoopbackCluster.freePort(),
                "--set", "execution.cluster_name=bomrl-test-nobody", "--set", "execution.join_timeout=2"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(BOUND_MILLIS);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("bomrl: execution.members = 127.0.0.1:")
                .contains("no worker of cluster 'bomrl-test-nobody' answered within 2.0 s");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void clusterNameMismatchIsRefusedWithinTheJoinTimeout(@TempDir Path out)
    {
        try (LoopbackCluster cluster = LoopbackCluster.start(1)) {
            for (String role : List.of("client", "member")) {
                Map<String, String> execution = new HashMap<>(cluster.execution(role));
                execution.put("execution.cluster_name", cluster.name + "-other");
                long start = System.nanoTime();
                assertThatThrownBy(() -> Runs.run(TABULAR, out.resolve(role), (row, checkpoint) -> {}, Runs.SHORT_TABULAR, execution))
                        .as(role).isInstanceOf(InvalidSettingException.class).hasMessageContaining("no worker of cluster '" + cluster.name + "-other' answered");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as(role).isLessThan(BOUND_MILLIS);
            }
            assertThat(cluster.workers.get(0).unitsRun()).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void portInUseIsAOneLineError()
            throws IOException
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LoopbackCluster.LOOPBACK))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ClusterWorker.start("bomrl-test-port", LoopbackCluster.LOOPBACK, port, List.of(LoopbackCluster.LOOPBACK + ":" + port), 1,
                    PluginRegistry.load(getClass().getClassLoader())))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("--port = " + port + ": cannot bind 127.0.0.1:" + port);
        }
    }

    @Test
    void workerOptionsAreCheckedWithOneLine()
    {
        StringWriter err = new StringWriter();
        assertThat(Worker.execute(new String[] {"--members", "127.0.0.1", "--port", "5701"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("bomrl worker: --members: '127.0.0.1' is invalid: expected host:port, e.g. 127.0.0.1:5701");
        assertThatThrownBy(() -> ClusterSettings.parse(new org.bomrl.api.settings.MapSettings("execution", Map.of("join_timeout", "0"), Map.of(), ClusterSettings.SPECS)))
                .isInstanceOf(InvalidSettingException.class).hasMessage("execution.join_timeout = 0.0 is invalid: expected seconds in (0, 86400]");
    }
}
