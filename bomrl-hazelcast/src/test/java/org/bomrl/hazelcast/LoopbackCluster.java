package org.bomrl.hazelcast;

import org.bomrl.core.plugin.PluginRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Workers on 127.0.0.1 only, on free ports, under a cluster name of their own; closed (or crashed) by the test. */
final class LoopbackCluster
        implements AutoCloseable
{
    static final String LOOPBACK = "127.0.0.1";

    final String name = "bomrl-test-" + UUID.randomUUID();
    final List<ClusterWorker> workers = new ArrayList<>();
    private final List<String> addresses;

    private LoopbackCluster(int size)
    {
        addresses = IntStream.range(0, size).mapToObj(i -> LOOPBACK + ":" + freePort()).toList();
    }

    /** {@code size} workers with one unit thread each and every plugin on the test class path. */
    static LoopbackCluster start(int size)
    {
        LoopbackCluster cluster = new LoopbackCluster(size);
        PluginRegistry registry = PluginRegistry.load(LoopbackCluster.class.getClassLoader());
        for (String address : cluster.addresses) {
            cluster.workers.add(cluster.startWorker(address, registry));
        }
        return cluster;
    }

    ClusterWorker startWorker(String address, PluginRegistry registry)
    {
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        return ClusterWorker.start(name, LOOPBACK, port, addresses, 1, registry);
    }

    /** The overrides that send a run to this cluster. */
    Map<String, String> execution(String role)
    {
        return Map.of("execution.backend", HazelcastExecutionBackend.NAME, "execution.members", String.join(",", addresses), "execution.cluster_name", name,
                "execution.role", role, "execution.port", Integer.toString(freePort()), "execution.join_timeout", "3");
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        for (ClusterWorker worker : workers) {
            try {
                worker.crash();
            }
            catch (RuntimeException ignored) {
                // already stopped
            }
        }
    }
}
