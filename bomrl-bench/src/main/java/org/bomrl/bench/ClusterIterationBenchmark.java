package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.ExecutionBackend;
import org.bomrl.core.exec.LocalExecutionBackend;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.loop.WorkUnit;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.run.RunDirectory;
import org.bomrl.hazelcast.ClusterSettings;
import org.bomrl.hazelcast.ClusterWorker;
import org.bomrl.hazelcast.HazelcastExecutionBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One meta-iteration's units (B tasks: rollouts, within-task adaptation and the task's
 * hypergradient) on the local 2-thread pool ({@code backend = local}) versus a 2-worker Hazelcast
 * cluster on 127.0.0.1 with one unit thread per worker ({@code backend = hazelcast}, the driver a
 * client). The ratio of the two is the cluster's overhead. Run from the repository root (the
 * examples are read from {@code examples/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Djava.awt.headless=true"})
public class ClusterIterationBenchmark
{
    @Param({"figure1/high-variance-alg2.properties", "continuous/navigation-2d.properties"})
    public String experiment;

    @Param({"local", "hazelcast"})
    public String backend;

    private final List<ClusterWorker> workers = new ArrayList<>();
    private ExecutionBackend.Execution execution;
    private List<WorkUnit.Train> units;

    @Setup(Level.Trial)
    public void setUp()
            throws IOException
    {
        String cluster = "bomrl-bench-" + ProcessHandle.current().pid();
        List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        Map<String, String> overrides = new HashMap<>(Map.of("execution.backend", backend));
        if (backend.equals(HazelcastExecutionBackend.NAME)) {
            overrides.putAll(Map.of("execution.members", String.join(",", members), "execution.cluster_name", cluster, "execution.join_timeout", "10"));
        }
        Path file = Path.of("examples").resolve(experiment);
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        ExperimentRunner runner = Injection.create(registry).getInstance(ExperimentRunner.class);
        ExperimentConfiguration config = ExperimentConfiguration.load(file, overrides);
        Map<String, String> effective = runner.check(config);
        RunDescription description = new RunDescription(effective, file.toAbsolutePath().getParent(), RunDirectory.planHash(effective));
        ExperimentRunner.RebuiltRun run = runner.rebuild(description);
        String method = effective.get("methods").split(",")[0].trim();
        String learner = method + "/meta-train";
        int parameters = run.learners().apply(learner).parameterCount();
        int tasks = Integer.parseInt(effective.get("meta_train.tasks_per_iteration"));
        RandomSource random = RandomSource.seeded(Long.parseLong(effective.get("experiment.seed"))).derive("bench");
        List<? extends Task<?, ?>> chosen = run.distribution().sampleTrainTasks(tasks, random.derive("tasks").generator());
        double[] phi = new double[parameters];
        units = new ArrayList<>();
        for (int slot = 0; slot < tasks; slot++) {
            units.add(new WorkUnit.Train(learner, 0, slot, chosen.get(slot).id(), phi, random.derive("task").derive(slot).address()));
        }
        Map<String, String> executionValues = new TreeMap<>();
        effective.forEach((key, value) -> {
            if (key.startsWith("execution.") && !key.equals("execution.backend")) {
                executionValues.put(key.substring("execution.".length()), value);
            }
        });
        if (backend.equals(HazelcastExecutionBackend.NAME)) {
            for (String member : members) {
                workers.add(ClusterWorker.start(cluster, "127.0.0.1", Integer.parseInt(member.substring(member.indexOf(':') + 1)), members, 1, registry));
            }
            execution = new HazelcastExecutionBackend().open(new MapSettings("execution", executionValues, Map.of(), ClusterSettings.SPECS), description,
                    run.distribution(), run.learners(), 2);
        }
        else {
            execution = new LocalExecutionBackend().open(new MapSettings("execution", Map.of(), Map.of(), List.of()), description, run.distribution(), run.learners(), 2);
        }
    }

    @Benchmark
    public List<TrainOutcome> metaIteration()
    {
        return execution.train(units);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        execution.close();
        workers.forEach(ClusterWorker::close);
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
