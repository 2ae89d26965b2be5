package org.bomrl.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import org.bomrl.core.loop.WorkUnit;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** One work unit of the run {@code planHash}, to run on a worker that prepared it. */
final class RunUnit
        implements Callable<MemberReply>, HazelcastInstanceAware, java.io.Serializable
{
    private static final long serialVersionUID = 1L;

    private final String planHash;
    private final WorkUnit unit;
    private transient HazelcastInstance instance;

    RunUnit(String planHash, WorkUnit unit)
    {
        this.planHash = requireNonNull(planHash, "planHash is null");
        this.unit = requireNonNull(unit, "unit is null");
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance)
    {
        this.instance = instance;
    }

    @Override
    public MemberReply call()
    {
        return WorkerRuntime.of(instance).map(runtime -> runtime.run(planHash, unit)).orElseGet(() -> new MemberReply.Unprepared(planHash));
    }
}
