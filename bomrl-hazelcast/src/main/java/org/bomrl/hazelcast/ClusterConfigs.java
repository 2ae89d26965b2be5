package org.bomrl.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hazelcast configurations that contact only the given addresses: TCP/IP join to the listed
 * members, multicast and cloud auto-detection off, phone-home off, binding only to the given
 * address and port (no port auto-increment), traffic only within the cluster name.
 */
final class ClusterConfigs
{
    /** The executor that runs work units on a worker. */
    static final String EXECUTOR = "bomrl-units";
    /** The member attribute holding a worker's unit threads. */
    static final String THREADS = "bomrl.threads";
    /** Seconds without a heartbeat after which a member counts as gone (Hazelcast's default is 60). */
    static final int HEARTBEAT_TIMEOUT_SECONDS = 15;

    /** Hazelcast's own log lines are left out but for errors (the dispatcher reports workers that left); held so the level sticks. */
    private static final java.util.logging.Logger HAZELCAST_LOG = quiet();

    private ClusterConfigs() {}

    private static java.util.logging.Logger quiet()
    {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("com.hazelcast");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * A member bound to {@code address:port} that joins {@code members}; a lite member (no units,
     * no data) when {@code threads} is 0, else a worker running units on {@code threads} threads.
     */
    static Config member(String clusterName, String address, int port, List<String> members, int threads, Duration joinTimeout)
    {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setClassLoader(ClusterConfigs.class.getClassLoader());
        config.setUserContext(new ConcurrentHashMap<>());
        properties(config::setProperty);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(HEARTBEAT_TIMEOUT_SECONDS));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false).setPortCount(1);
        network.setPublicAddress(address + ":" + port);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds((int) Math.max(1, Math.min(5, joinTimeout.toSeconds())));
        config.getJetConfig().setEnabled(false);
        if (threads == 0) {
            config.setLiteMember(true);
        }
        else {
            config.getMemberAttributeConfig().setAttribute(THREADS, Integer.toString(threads));
            config.getExecutorConfig(EXECUTOR).setPoolSize(threads).setQueueCapacity(0).setStatisticsEnabled(false);
        }
        return config;
    }

    /** A client of {@code members} that gives up connecting (or reconnecting) after {@code joinTimeout}. */
    static ClientConfig client(String clusterName, List<String> members, Duration joinTimeout)
    {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setClassLoader(ClusterConfigs.class.getClassLoader());
        properties(config::setProperty);
        config.setProperty("hazelcast.client.heartbeat.timeout", Long.toString(HEARTBEAT_TIMEOUT_SECONDS * 1000L));
        config.getNetworkConfig().setAddresses(members).setSmartRouting(true);
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1000, Math.min(5000, joinTimeout.toMillis()))));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(joinTimeout.toMillis())
                .setInitialBackoffMillis(100)
                .setMaxBackoffMillis(1000);
        config.getMetricsConfig().setEnabled(false);
        return config;
    }

    private static void properties(java.util.function.BiConsumer<String, String> property)
    {
        property.accept("hazelcast.phone.home.enabled", "false");
        property.accept("hazelcast.logging.type", "jdk");
    }
}
