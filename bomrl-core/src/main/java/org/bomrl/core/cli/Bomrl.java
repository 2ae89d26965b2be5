package org.bomrl.core.cli;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.exec.ExecutionFailedException;
import org.bomrl.core.plugin.PluginFaultException;
import org.bomrl.core.plugin.PluginLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code bomrl}: the entry point. User errors (bad files, keys, values, names) exit with code 2
 * and one line per error on standard error (every error of a configuration at once); numerical failures (a {@code NumericalFailureException} names the method, phase, meta-iteration and
 * task) and failed execution backends (e.g. a cluster that lost
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
    /** A defect (an exception no check anticipated): one line naming it and where it was thrown. */
    public static final int INTERNAL_ERROR = 3;
    /** {@code -Dbomrl.debug=true}: let unexpected exceptions through with their stack trace. */
    public static final String DEBUG_PROPERTY = "bomrl.debug";

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
            if (exception instanceof InvalidSettingException invalid) {
                invalid.errors().forEach(error -> err.println("bomrl: " + oneLine(error)));
                return USER_ERROR;
            }
            if (exception instanceof IllegalArgumentException || exception instanceof PluginLoadException
                    || exception instanceof PluginFaultException || exception instanceof UncheckedIOException) {
                err.println("bomrl: " + oneLine(exception.getMessage()));
                return USER_ERROR;
            }
            if (exception instanceof ExecutionFailedException) {
                err.println("bomrl: " + exception.getMessage());
                return NUMERICAL_ERROR;
            }
            if (exception instanceof ArithmeticException) {
                err.println("bomrl: numerical failure: " + oneLine(exception.getMessage()));
                return NUMERICAL_ERROR;
            }
            if (Boolean.getBoolean(DEBUG_PROPERTY)) {
                throw exception;
            }
            StackTraceElement[] trace = exception.getStackTrace();
            err.println("bomrl: internal error: " + exception.getClass().getName() + (exception.getMessage() == null ? "" : ": " + oneLine(exception.getMessage()))
                    + (trace.length == 0 ? "" : " (at " + trace[0] + ")") + "; run with -D" + DEBUG_PROPERTY + "=true for the stack trace");
            return INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            String command = exception.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^bomrl ?", "");
            err.println("bomrl: " + oneLine(exception.getMessage()) + "; try 'bomrl " + (command.isEmpty() ? "" : command + " ") + "--help'");
            return USER_ERROR;
        });
        return commandLine.execute(args);
    }

    private static String oneLine(String message)
    {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
