package org.bomrl.bench;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.EnvironmentFactory;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.mujoco.bridge.MjModel;
import org.bomrl.mujoco.bridge.MjSim;
import org.bomrl.mujoco.locomotion.LocomotionFactories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * MuJoCo steps per second on the Half-Cheetah and Ant models (one operation = one {@code mj_step}):
 * a whole environment step from Java (5 MuJoCo steps, readout, observation and reward), the bare
 * bridge step, and a plain C loop over the same model in the same run. All three reset every 200
 * control steps (1000 MuJoCo steps) with a fixed random action, so they integrate the same kind of
 * trajectories. Target: environment ≥ 0.95 × C loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MujocoStepBenchmark
{
    private static final int FRAME_SKIP = 5;
    private static final int EPISODE = 200;

    @Param({"half-cheetah-vel", "ant-vel"})
    public String family;

    private Environment<double[], double[]> environment;
    private MjSim sim;
    private double[] action;
    private int t;
    private long episode;

    @Setup
    public void setUp()
    {
        environment = distribution("env.mujoco." + family).testTasks().get(0).newEnvironment();
        MjModel model = LocomotionFactories.model(family);
        sim = model.newSimulation(false);
        SplittableRandom random = RandomSource.seeded(42).derive(family).generator();
        action = new double[model.nu()];
        for (int i = 0; i < action.length; i++) {
            action[i] = random.nextDouble(-1, 1);
        }
        environment.reset(episode++);
    }

    @SuppressWarnings("unchecked")
    private static TaskDistribution<double[], double[]> distribution(String name)
    {
        EnvironmentFactory factory = LocomotionFactories.all().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no factory " + name));
        RunContext context = new RunContext(RandomSource.seeded(1), distance -> {
            throw new IllegalArgumentException("environments resolve no components: " + distance);
        });
        return (TaskDistribution<double[], double[]>) factory.create(MapSettings.of("environment", Map.of(), factory.settings()), context);
    }

    @TearDown
    public void tearDown()
    {
        environment.close();
        sim.close();
    }

    @Benchmark
    @OperationsPerInvocation(FRAME_SKIP)
    public Step<double[]> environmentStep()
    {
        Step<double[]> step = environment.step(action);
        if (step.done()) {
            environment.reset(episode++);
        }
        return step;
    }

    @Benchmark
    @OperationsPerInvocation(FRAME_SKIP)
    public double bridgeStep()
    {
        sim.step(action, FRAME_SKIP);
        if (++t == EPISODE) {
            t = 0;
            sim.reset();
        }
        return sim.qpos(0);
    }

    @Benchmark
    @OperationsPerInvocation(FRAME_SKIP * EPISODE)
    public int cLoop()
    {
        sim.run(action, FRAME_SKIP * EPISODE);
        sim.reset();
        return sim.warnings();
    }
}
