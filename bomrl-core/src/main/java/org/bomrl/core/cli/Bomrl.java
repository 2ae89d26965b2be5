package org.bomrl.core.cli;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.exec.ExecutionFailedException;
import org.bomrl.core.plugin.PluginLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code bomrl}: the entry point. User errors (bad files, keys, values, names) exit with code 2
 * and one line on standard error; numerical failures and failed execution backends (e.g. a cluster that lost
 * every member) exit with code 1 and say what happened.
 */
@Command(name = "bomrl", mixinStandardHelpOptions = true, version = "bomrl 0.1.0",
        description = "Bilevel-optimisation meta-reinforcement learning (BO-MRL) and its baselines.",
        subcommands = {PluginsCommand.class, DescribeCommand.class, RunCommand.class, ResumeCommand.class, OptimumCommand.class})
public final class Bomrl
        implements Runnable
{
    public static final int USER_ERROR = 2;
    public static final int NUMERICAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new Bomrl());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof InvalidSettingException || exception instanceof IllegalArgumentException || exception instanceof PluginLoadException
                    || exception instanceof UncheckedIOException) {
                err.println("bomrl: " + exception.getMessage());
                return USER_ERROR;
            }
            if (exception instanceof ExecutionFailedException) {
                err.println("bomrl: " + exception.getMessage());
                return NUMERICAL_ERROR;
            }
            if (exception instanceof ArithmeticException) {
                err.println("bomrl: numerical failure: " + exception.getMessage());
                return NUMERICAL_ERROR;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("bomrl: " + exception.getMessage());
            err.println("Try 'bomrl " + String.join(" ", exception.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^bomrl ?", "")) + " --help'.");
            return USER_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
