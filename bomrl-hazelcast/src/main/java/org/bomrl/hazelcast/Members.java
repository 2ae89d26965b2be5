package org.bomrl.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.bomrl.api.settings.InvalidSettingException;

/** Starts Hazelcast members, turning bind failures into one-line errors naming the setting. */
final class Members
{
    private Members() {}

    static HazelcastInstance start(Config config, String portKey, String address, int port)
    {
        try {
            return Hazelcast.newHazelcastInstance(config);
        }
        catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException || String.valueOf(cause.getMessage()).contains("bind")) {
                    throw new InvalidSettingException(portKey + " = " + port + ": cannot bind " + address + ":" + port + " (" + cause.getMessage()
                            + "); is the port in use or the address not this machine's?");
                }
            }
            throw e;
        }
    }
}
