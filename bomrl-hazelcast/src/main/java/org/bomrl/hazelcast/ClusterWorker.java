package org.bomrl.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.config.Config;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.plugin.PluginRegistry;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A cluster member that runs work units ({@code bomrl worker}): bound to {@code address:port}
 * only, joined to the listed members of its cluster, running units on a pool of {@code threads}
 * threads with the plugins of {@code registry}. Drivers send it only run descriptions and units.
 */
public final class ClusterWorker
        implements AutoCloseable
{
    private final HazelcastInstance instance;
    private final WorkerRuntime runtime;
    private final String address;

    private ClusterWorker(HazelcastInstance instance, WorkerRuntime runtime, String address)
    {
        this.instance = instance;
        this.runtime = runtime;
        this.address = address;
    }

    /**
     * Starts a worker; fails with one line when the port is taken or the settings are invalid.
     *
     * @param members {@code host:port} of the cluster's other members (this worker's own address may be among them)
     */
    public static ClusterWorker start(String clusterName, String address, int port, List<String> members, int threads, PluginRegistry registry)
    {
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(address, "address is null");
        requireNonNull(registry, "registry is null");
        ClusterSettings.checkPort("--port", port);
        members.forEach(member -> ClusterSettings.checkAddress("--members", member));
        if (threads < 1) {
            throw new InvalidSettingException("--threads = " + threads + " is invalid: expected a positive number of unit threads");
        }
        String self = address + ":" + port;
        WorkerRuntime runtime = new WorkerRuntime(self, registry);
        Config config = ClusterConfigs.member(clusterName, address, port, members, threads, Duration.ofSeconds(5));
        config.getUserContext().put(WorkerRuntime.KEY, runtime);
        return new ClusterWorker(Members.start(config, "--port", address, port), runtime, self);
    }

    /** {@code host:port} this worker is bound to. */
    public String address()
    {
        return address;
    }

    /** The fingerprint of the code this worker runs units with (drivers must have the same). */
    public String fingerprint()
    {
        return runtime.fingerprint();
    }

    /** Units this worker has run so far. */
    public long unitsRun()
    {
        return runtime.unitsRun();
    }

    /** Units running on this worker now. */
    public int unitsInProgress()
    {
        return runtime.unitsInProgress();
    }

    /** The number of members of the cluster this worker sees, itself and lite members included. */
    public int clusterSize()
    {
        return instance.getCluster().getMembers().size();
    }

    /** Blocks until the worker has stopped (e.g. by a shutdown hook on Ctrl-C). */
    public void awaitStop()
            throws InterruptedException
    {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        if (instance.getLifecycleService().isRunning()) {
            stopped.await();
        }
    }

    /** Stops at once, without telling the cluster, as a crashed machine would. */
    public void crash()
    {
        instance.getLifecycleService().terminate();
    }

    /** Leaves the cluster gracefully. */
    @Override
    public void close()
    {
        instance.shutdown();
    }
}
