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
import java.util.concurrent.atomic.AtomicInteger;
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

    /** The first port of the range {@link #freePort} hands out: below Linux's ephemeral range (32768–60999), so no outgoing connection takes it meanwhile. */
    private static final int FIRST_PORT = 20000;
    /** Ports {@link #freePort} cycles through. */
    private static final int PORTS = 12000;
    /** The next candidate, starting at an offset of this JVM's process id so that concurrent test JVMs start apart. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() * 997 % PORTS));

    /**
     * A port on the loopback address that nothing listens on, never handed out twice by this JVM:
     * an ephemeral port (bind to 0) can be taken by an outgoing connection between this check and the
     * worker's bind, so candidates come from below the ephemeral range instead.
     */
    static int freePort()
    {
        for (int attempt = 0; attempt < PORTS; attempt++) {
            int port = FIRST_PORT + Math.floorMod(NEXT.getAndIncrement(), PORTS);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
                return socket.getLocalPort();
            }
            catch (IOException e) {
                // taken: try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port on " + LOOPBACK + " in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1)));
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
