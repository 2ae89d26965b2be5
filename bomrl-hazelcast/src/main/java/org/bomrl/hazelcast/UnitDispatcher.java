package org.bomrl.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import org.bomrl.core.exec.ExecutionFailedException;
import org.bomrl.core.loop.WorkUnit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * Hands units to the cluster's workers and collects the outcomes in unit order. Each worker holds
 * at most as many units as it has unit threads, and gets the next one as soon as one finishes, so
 * faster machines take more. A unit whose worker left (or whose reply was lost with it) goes back
 * to the queue and runs on a survivor: a unit's outcome depends only on the unit, so the result is
 * unchanged. With no worker left for the join timeout, the run fails (its checkpoints stay as they
 * were). Not thread-safe: one call at a time.
 */
final class UnitDispatcher
{
    private static final Logger LOG = Logger.getLogger(UnitDispatcher.class.getPackageName());
    /** Attempts of one unit on members that left before the run fails. */
    private static final int MAX_ATTEMPTS = 8;
    private static final long POLL_MILLIS = 100;

    private final HazelcastInstance instance;
    private final IExecutorService executor;
    private final PrepareRun prepare;
    private final String planHash;
    private final String clusterName;
    private final Duration joinTimeout;
    private final Set<UUID> prepared = new HashSet<>();

    UnitDispatcher(HazelcastInstance instance, PrepareRun prepare, String planHash, String clusterName, Duration joinTimeout)
    {
        this.instance = requireNonNull(instance, "instance is null");
        this.executor = instance.getExecutorService(ClusterConfigs.EXECUTOR);
        this.prepare = requireNonNull(prepare, "prepare is null");
        this.planHash = requireNonNull(planHash, "planHash is null");
        this.clusterName = requireNonNull(clusterName, "clusterName is null");
        this.joinTimeout = requireNonNull(joinTimeout, "joinTimeout is null");
    }

    /** The workers the cluster has now (lite members, such as a member driver, run no units). */
    List<Member> workers()
    {
        if (!instance.getLifecycleService().isRunning()) {
            return List.of();
        }
        try {
            return instance.getCluster().getMembers().stream().filter(member -> !member.isLiteMember()).toList();
        }
        catch (RuntimeException e) {
            return List.of();
        }
    }

    static int threads(Member member)
    {
        String threads = member.getAttribute(ClusterConfigs.THREADS);
        try {
            return threads == null ? 1 : Math.max(1, Integer.parseInt(threads));
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Runs every unit on some worker; outcomes in unit order, each of type {@code type}. */
    <R> List<R> run(List<? extends WorkUnit> units, Class<R> type)
    {
        int n = units.size();
        Object[] outcomes = new Object[n];
        int[] attempts = new int[n];
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            pending.add(i);
        }
        BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        Map<UUID, Integer> inFlight = new HashMap<>();
        Set<UUID> lost = new HashSet<>();
        int remaining = n;
        long idleSince = System.nanoTime();
        while (remaining > 0) {
            List<Member> workers = workers();
            for (Member worker : workers) {
                while (!lost.contains(worker.getUuid()) && !pending.isEmpty() && inFlight.getOrDefault(worker.getUuid(), 0) < threads(worker) && prepared(worker, lost)) {
                    int index = pending.poll();
                    inFlight.merge(worker.getUuid(), 1, Integer::sum);
                    submit(index, units.get(index), worker, completions);
                }
            }
            if (inFlight.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                if (System.nanoTime() - idleSince > joinTimeout.toNanos()) {
                    throw new ExecutionFailedException("all workers of cluster '" + clusterName + "' are gone (none joined within " + seconds(joinTimeout)
                            + " s); the last checkpoint is intact: continue with 'bomrl resume RUN_DIR' (locally: --set execution.backend=local)");
                }
            }
            else {
                idleSince = System.nanoTime();
            }
            Completion completion = take(completions);
            if (completion == null) {
                continue;
            }
            inFlight.merge(completion.worker.getUuid(), -1, Integer::sum);
            idleSince = System.nanoTime();
            if (completion.reply instanceof MemberReply.Done done) {
                outcomes[completion.index] = type.cast(done.value());
                remaining--;
            }
            else if (completion.reply instanceof MemberReply.Failed failed) {
                throw failed.error();
            }
            else if (completion.reply instanceof MemberReply.Refused refused) {
                throw new ExecutionFailedException(refused.reason());
            }
            else if (completion.reply instanceof MemberReply.Unprepared) {
                prepared.remove(completion.worker.getUuid());
                pending.addFirst(completion.index);
            }
            else {
                Throwable failure = completion.failure;
                if (failure instanceof HazelcastSerializationException) {
                    throw new ExecutionFailedException("cannot send a unit to or from worker " + completion.worker.getAddress() + ": " + failure.getMessage());
                }
                if (++attempts[completion.index] >= MAX_ATTEMPTS) {
                    throw new ExecutionFailedException("unit " + completion.index + " was lost " + MAX_ATTEMPTS + " times on cluster '" + clusterName + "': " + failure);
                }
                lost.add(completion.worker.getUuid());
                LOG.warning("hazelcast: worker " + completion.worker.getAddress() + " left or failed (" + failure.getClass().getSimpleName()
                        + "); unit " + completion.index + " resubmitted to the others");
                pending.addFirst(completion.index);
            }
        }
        List<R> result = new ArrayList<>(n);
        for (Object outcome : outcomes) {
            result.add(type.cast(outcome));
        }
        return result;
    }

    /** Sends the run to {@code worker} once; false (and {@code worker} lost) if it left meanwhile. */
    private boolean prepared(Member worker, Set<UUID> lost)
    {
        if (prepared.contains(worker.getUuid())) {
            return true;
        }
        MemberReply reply;
        try {
            reply = executor.submitToMember(prepare, worker).get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionFailedException("interrupted while preparing worker " + worker.getAddress());
        }
        catch (ExecutionException | RuntimeException e) {
            if (e instanceof HazelcastSerializationException || e.getCause() instanceof HazelcastSerializationException) {
                throw new ExecutionFailedException("cannot send the run to worker " + worker.getAddress() + ": " + e.getMessage());
            }
            lost.add(worker.getUuid());
            LOG.warning("hazelcast: worker " + worker.getAddress() + " could not be prepared: " + e.getMessage());
            return false;
        }
        if (reply instanceof MemberReply.Refused refused) {
            throw new ExecutionFailedException(refused.reason());
        }
        prepared.add(worker.getUuid());
        return true;
    }

    private void submit(int index, WorkUnit unit, Member worker, BlockingQueue<Completion> completions)
    {
        try {
            executor.submitToMember(new RunUnit(planHash, unit), worker, new ExecutionCallback<MemberReply>()
            {
                @Override
                public void onResponse(MemberReply reply)
                {
                    completions.add(new Completion(index, worker, reply, null));
                }

                @Override
                public void onFailure(Throwable failure)
                {
                    completions.add(new Completion(index, worker, null, failure));
                }
            });
        }
        catch (RuntimeException e) {
            completions.add(new Completion(index, worker, null, e));
        }
    }

    private static Completion take(BlockingQueue<Completion> completions)
    {
        try {
            return completions.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionFailedException("interrupted while waiting for the cluster's workers");
        }
    }

    static String seconds(Duration duration)
    {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** A unit's reply, or the failure of the call itself (the worker left). */
    private record Completion(int index, Member worker, MemberReply reply, Throwable failure) {}
}
