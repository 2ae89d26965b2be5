package org.bomrl.hazelcast;

import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.experiment.ExperimentRunner.RebuiltRun;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.loop.WorkUnit;
import org.bomrl.core.plugin.PluginRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A worker's side of the protocol: checks that the driver runs the same code (fingerprint and
 * plan hash), rebuilds each run once per plan hash ({@link ExperimentRunner#rebuild}) and runs
 * units exactly as {@code LocalUnitExecutor} does. Thread-safe: units run on the worker's pool.
 */
final class WorkerRuntime
{
    /** The key of the runtime in the member's user context. */
    static final String KEY = "bomrl.worker";
    /** Runs kept rebuilt at once (the least recently prepared is dropped first). */
    private static final int CACHED_RUNS = 4;

    private final String name;
    private final String fingerprint;
    private final ExperimentRunner runner;
    private final Map<String, RebuiltRun> runs = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong unitsRun = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger unitsInProgress = new java.util.concurrent.atomic.AtomicInteger();

    WorkerRuntime(String name, PluginRegistry registry)
    {
        this.name = requireNonNull(name, "name is null");
        this.fingerprint = CodeFingerprint.of(registry);
        this.runner = Injection.create(registry).getInstance(ExperimentRunner.class);
    }

    /** The runtime of the worker {@code instance}, if it is one. */
    static java.util.Optional<WorkerRuntime> of(com.hazelcast.core.HazelcastInstance instance)
    {
        return java.util.Optional.ofNullable(instance.getUserContext().get(KEY)).filter(WorkerRuntime.class::isInstance).map(WorkerRuntime.class::cast);
    }

    String fingerprint()
    {
        return fingerprint;
    }

    long unitsRun()
    {
        return unitsRun.get();
    }

    int unitsInProgress()
    {
        return unitsInProgress.get();
    }

    /** Rebuilds {@code run} unless held already; refuses when the driver's code differs. */
    MemberReply prepare(RunDescription run, String driverFingerprint)
    {
        if (!fingerprint.equals(driverFingerprint)) {
            return new MemberReply.Refused("worker " + name + " refuses work: its bomrl and plugin code (fingerprint " + fingerprint.substring(0, 12)
                    + ") differs from the driver's (" + driverFingerprint.substring(0, 12) + "); run the same build with the same plugins everywhere");
        }
        synchronized (runs) {
            if (runs.containsKey(run.planHash())) {
                return new MemberReply.Done(name);
            }
        }
        RebuiltRun rebuilt;
        try {
            rebuilt = runner.rebuild(run);
        }
        catch (IllegalStateException e) {
            return new MemberReply.Refused("worker " + name + " refuses work: " + e.getMessage());
        }
        catch (RuntimeException e) {
            return new MemberReply.Refused("worker " + name + " cannot rebuild the run: " + e.getMessage());
        }
        synchronized (runs) {
            runs.put(run.planHash(), rebuilt);
            while (runs.size() > CACHED_RUNS) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        return new MemberReply.Done(name);
    }

    /** Runs {@code unit} of the run {@code planHash} as {@code LocalUnitExecutor} does. */
    MemberReply run(String planHash, WorkUnit unit)
    {
        RebuiltRun run;
        synchronized (runs) {
            run = runs.get(planHash);
        }
        if (run == null) {
            return new MemberReply.Unprepared(planHash);
        }
        unitsInProgress.incrementAndGet();
        try {
            java.io.Serializable outcome;
            if (unit instanceof WorkUnit.Train train) {
                outcome = train.run(run.learners().apply(train.learner()), run.distribution().task(train.taskId()));
            }
            else {
                WorkUnit.Test test = (WorkUnit.Test) unit;
                outcome = test.run(run.learners().apply(test.learner()), run.distribution().task(test.taskId()));
            }
            MemberReply reply = new MemberReply.Done(outcome);
            unitsRun.incrementAndGet();
            return reply;
        }
        catch (RuntimeException e) {
            return new MemberReply.Failed(e);
        }
        finally {
            unitsInProgress.decrementAndGet();
        }
    }
}
