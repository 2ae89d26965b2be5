package org.bomrl.hazelcast;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.plugin.PluginLoadException;
import org.bomrl.core.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bomrl worker --cluster NAME --members host:port,… [--address A] [--port P] [--threads T]}:
 * starts a cluster member that runs the units of {@code execution.backend = hazelcast} runs, with
 * the plugins on its class path, until stopped (Ctrl-C). Bad options exit with code 2 and one line.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Start a cluster member that runs the work units of 'execution.backend = hazelcast' runs.")
public final class Worker
        implements Callable<Integer>
{
    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = "bomrl", description = "the cluster's name (execution.cluster_name of the runs); default ${DEFAULT-VALUE}")
    String cluster;

    @Option(names = "--members", paramLabel = "HOST:PORT", split = ",", description = "the other members of the cluster (this worker's own address may be listed); only these are contacted")
    List<String> members = new ArrayList<>();

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "the address to bind to and announce (this machine's, reachable from the others); default ${DEFAULT-VALUE}")
    String address;

    @Option(names = "--port", paramLabel = "P", defaultValue = "5701", description = "the port to bind to (no other port is tried); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--threads", paramLabel = "T", description = "unit threads; default: the machine's processors")
    Integer threads;

    public static void main(String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new Worker());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof IllegalArgumentException || exception instanceof PluginLoadException) {
                err.println("bomrl worker: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("bomrl worker: " + exception.getMessage());
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call()
            throws InterruptedException
    {
        int unitThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        List<String> cluster = members.isEmpty() ? List.of(address + ":" + port) : members.stream().map(String::trim).toList();
        if (this.cluster.isBlank()) {
            throw new InvalidSettingException("--cluster is blank; give the cluster's name");
        }
        try (ClusterWorker worker = ClusterWorker.start(this.cluster.trim(), address.trim(), port, cluster, unitThreads, PluginRegistry.loadConfigured(Worker.class.getClassLoader()))) {
            System.err.printf("bomrl worker %s of cluster '%s' ready: %d unit threads, %d member(s) in the cluster, code fingerprint %s; stop with Ctrl-C%n",
                    worker.address(), this.cluster, unitThreads, worker.clusterSize(), worker.fingerprint().substring(0, 12));
            worker.awaitStop();
        }
        return 0;
    }
}
