package org.bomrl.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.SettingSpec;
import org.bomrl.api.settings.Settings;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.loop.WorkUnit;
import org.bomrl.core.plugin.PluginRegistry;

import java.util.List;
import java.util.function.Function;

/**
 * {@code execution.backend = hazelcast}: the run's units execute on the workers ({@code bomrl
 * worker}) of a Hazelcast cluster, reached as a client or as a lite member ({@code execution.role}).
 * Only the run description (once per worker), the units and their outcomes travel; each worker
 * rebuilds the run's tasks and learners from the description. Outcomes come back in unit order and
 * every unit's randomness comes from its own stream address, so results are byte-identical to a
 * local run's, whatever the cluster's size. Workers whose code differs from the driver's are
 * refused; an unreachable cluster is a one-line error after {@code execution.join_timeout}.
 */
public final class HazelcastExecutionBackend
        implements ExecutionBackend
{
    public static final String NAME = "hazelcast";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public List<SettingSpec> settings()
    {
        return ClusterSettings.SPECS;
    }

    @Override
    public Execution open(Settings settings, RunDescription run, TaskDistribution<?, ?> distribution, Function<String, TaskLearner> learners, int threads)
    {
        ClusterSettings cluster = ClusterSettings.parse(settings);
        String fingerprint = CodeFingerprint.of(PluginRegistry.loadConfigured(HazelcastExecutionBackend.class.getClassLoader()));
        HazelcastInstance instance = connect(cluster);
        UnitDispatcher dispatcher = new UnitDispatcher(instance, new PrepareRun(run, fingerprint), run.planHash(), cluster.clusterName(), cluster.joinTimeout());
        try {
            awaitWorker(dispatcher, cluster);
        }
        catch (RuntimeException e) {
            instance.shutdown();
            throw e;
        }
        int parallelism = dispatcher.workers().stream().mapToInt(UnitDispatcher::threads).sum();
        return new Execution()
        {
            @Override
            public List<TrainOutcome> train(List<WorkUnit.Train> units)
            {
                return dispatcher.run(units, TrainOutcome.class);
            }

            @Override
            public List<TestOutcome> test(List<WorkUnit.Test> units)
            {
                return dispatcher.run(units, TestOutcome.class);
            }

            @Override
            public int parallelism()
            {
                return parallelism;
            }

            @Override
            public void close()
            {
                if (instance.getLifecycleService().isRunning()) {
                    instance.shutdown();
                }
            }
        };
    }

    private static HazelcastInstance connect(ClusterSettings cluster)
    {
        if (cluster.role() == ClusterSettings.Role.MEMBER) {
            return Members.start(ClusterConfigs.member(cluster.clusterName(), cluster.address(), cluster.port(), cluster.members(), 0, cluster.joinTimeout()),
                    "execution.port", cluster.address(), cluster.port());
        }
        try {
            return HazelcastClient.newHazelcastClient(ClusterConfigs.client(cluster.clusterName(), cluster.members(), cluster.joinTimeout()));
        }
        catch (IllegalStateException e) {
            throw unreachable(cluster);
        }
    }

    private static void awaitWorker(UnitDispatcher dispatcher, ClusterSettings cluster)
    {
        long deadline = System.nanoTime() + cluster.joinTimeout().toNanos();
        while (dispatcher.workers().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw unreachable(cluster);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidSettingException("interrupted while waiting for the workers of cluster '" + cluster.clusterName() + "'");
            }
        }
    }

    private static InvalidSettingException unreachable(ClusterSettings cluster)
    {
        return new InvalidSettingException("execution.members = " + String.join(",", cluster.members()) + ": no worker of cluster '" + cluster.clusterName()
                + "' answered within " + UnitDispatcher.seconds(cluster.joinTimeout()) + " s (wrong host or port, another cluster name, or no 'bomrl worker' running there)");
    }
}
