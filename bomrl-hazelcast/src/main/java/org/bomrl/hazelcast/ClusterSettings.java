package org.bomrl.hazelcast;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.SettingType;
import org.bomrl.api.settings.Settings;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code execution.*} settings of {@code execution.backend = hazelcast}.
 *
 * @param members the workers' {@code host:port} addresses, the only addresses contacted
 * @param clusterName members of another cluster name are refused
 * @param role {@code client} (the driver connects to the members) or {@code member} (the driver joins as a lite member that runs no units)
 * @param address the address a member driver binds to and announces
 * @param port the port a member driver binds to (no other port is tried)
 * @param joinTimeout how long the driver waits for a first member, and for a member after all were gone
 */
public record ClusterSettings(List<String> members, String clusterName, Role role, String address, int port, Duration joinTimeout)
{
    /** How the driver takes part in the cluster. */
    public enum Role
    {
        CLIENT, MEMBER
    }

    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("members", SettingType.LIST, "127.0.0.1:5701", "host:port of every worker (bomrl worker); only these addresses are contacted"),
            SettingSpec.of("cluster_name", SettingType.STRING, "bomrl", "the cluster's name; members of another cluster are refused"),
            SettingSpec.choice("role", "client", "how the driver joins: client (connects to the members) or member (a lite member that runs no units)", "client", "member"),
            SettingSpec.of("address", SettingType.STRING, "127.0.0.1", "role = member: the address the driver binds to and announces"),
            SettingSpec.of("port", SettingType.INTEGER, "5700", "role = member: the driver's port (no other port is tried)"),
            SettingSpec.of("join_timeout", SettingType.DOUBLE, "30", "seconds to wait for a first member, and for a member after all were gone"));

    public ClusterSettings
    {
        members = List.copyOf(requireNonNull(members, "members is null"));
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(role, "role is null");
        requireNonNull(address, "address is null");
        requireNonNull(joinTimeout, "joinTimeout is null");
        if (members.isEmpty()) {
            throw new InvalidSettingException("execution.members is empty; give host:port of at least one worker");
        }
        for (String member : members) {
            checkAddress("execution.members", member);
        }
        if (clusterName.isBlank()) {
            throw new InvalidSettingException("execution.cluster_name is blank; give the name the workers were started with (--cluster)");
        }
        checkPort("execution.port", port);
        if (joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new InvalidSettingException("execution.join_timeout = " + joinTimeout.toMillis() / 1000.0 + " is invalid: expected a positive number of seconds");
        }
    }

    public static ClusterSettings parse(Settings settings)
    {
        double seconds = settings.getDouble("join_timeout");
        if (!(seconds > 0) || seconds > 86_400) {
            throw new InvalidSettingException("execution.join_timeout = " + seconds + " is invalid: expected seconds in (0, 86400]");
        }
        return new ClusterSettings(settings.getList("members").stream().map(String::trim).toList(), settings.getString("cluster_name").trim(),
                Role.valueOf(settings.getString("role").trim().toUpperCase(java.util.Locale.ROOT)), settings.getString("address").trim(), settings.getInt("port"),
                Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Checks {@code host:port}; {@code key} names the setting or option in the message. */
    static void checkAddress(String key, String member)
    {
        int colon = member.lastIndexOf(':');
        if (colon <= 0 || colon == member.length() - 1) {
            throw new InvalidSettingException(key + ": '" + member + "' is invalid: expected host:port, e.g. 127.0.0.1:5701");
        }
        try {
            checkPort(key, Integer.parseInt(member.substring(colon + 1)));
        }
        catch (NumberFormatException e) {
            throw new InvalidSettingException(key + ": '" + member + "' has an invalid port: expected host:port with a port in [1, 65535]");
        }
    }

    static void checkPort(String key, int port)
    {
        if (port < 1 || port > 65_535) {
            throw new InvalidSettingException(key + " = " + port + " is invalid: expected a port in [1, 65535]");
        }
    }
}
