package org.bomrl.bench;

import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.inject.Injection;
import org.bomrl.core.plugin.PluginRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of the whole Figure-1 reproduction ({@code examples/figure1/all.properties}: six
 * panels, meta-training and meta-testing with the paper's hyper-parameters) with
 * {@code experiment.threads} workers; single shot, as a user runs it. Run from the repository root
 * (or set {@code -Dbomrl.examples=DIR}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FigureOneBenchmark
{
    @Param({"2"})
    public int threads;

    @Benchmark
    public Path reproduceFigureOne()
            throws IOException
    {
        Path suite = Path.of(System.getProperty("bomrl.examples", "examples"), "figure1", "all.properties");
        Path out = Files.createTempDirectory("bomrl-figure1");
        ExperimentRunner runner = Injection.create(PluginRegistry.load(getClass().getClassLoader())).getInstance(ExperimentRunner.class);
        return runner.run(ExperimentConfiguration.load(suite, Map.of("experiment.threads", Integer.toString(threads))), out.resolve("run"),
                new PrintStream(OutputStream.nullOutputStream()), (row, checkpoint) -> {});
    }
}
