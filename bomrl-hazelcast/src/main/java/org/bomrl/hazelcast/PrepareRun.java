package org.bomrl.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import org.bomrl.core.exec.RunDescription;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Sent once to each worker before its first unit of a run: rebuild the run (if the code matches).
 * Carries the run description as plain strings (a {@link RunDescription} holds a {@code Path}).
 */
final class PrepareRun
        implements Callable<MemberReply>, HazelcastInstanceAware, java.io.Serializable
{
    private static final long serialVersionUID = 1L;

    private final java.util.TreeMap<String, String> configuration;
    private final String baseDirectory;
    private final String planHash;
    private final String fingerprint;
    private transient HazelcastInstance instance;

    PrepareRun(RunDescription run, String fingerprint)
    {
        requireNonNull(run, "run is null");
        this.configuration = new java.util.TreeMap<>(run.configuration());
        this.baseDirectory = run.baseDirectory().toString();
        this.planHash = run.planHash();
        this.fingerprint = requireNonNull(fingerprint, "fingerprint is null");
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance)
    {
        this.instance = instance;
    }

    @Override
    public MemberReply call()
    {
        return WorkerRuntime.of(instance).map(runtime -> runtime.prepare(new RunDescription(configuration, java.nio.file.Path.of(baseDirectory), planHash), fingerprint))
                .orElseGet(() -> new MemberReply.Refused("member " + instance.getCluster().getLocalMember().getAddress() + " is not a bomrl worker (start it with 'bomrl worker')"));
    }
}
