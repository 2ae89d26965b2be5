package org.bomrl.core.cli;

import org.bomrl.core.plugin.FactoryKind;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.plugin.RegisteredFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code bomrl plugins}: every registered factory by kind, with its jar and version. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List every registered factory by kind, with the jar it comes from.")
final class PluginsCommand
        implements Runnable
{
    @Spec
    CommandSpec spec;

    @Override
    public void run()
    {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = Registries.injector().getInstance(PluginRegistry.class);
        for (FactoryKind kind : FactoryKind.values()) {
            out.println(kind.plural() + ":");
            for (RegisteredFactory factory : registry.factories(kind)) {
                out.printf("  %-42s %s%n  %-42s (%s, %s)%n", factory.name(), factory.factory().description(), "", jar(factory.origin()), factory.version());
            }
        }
    }

    private static String jar(String origin)
    {
        Path path = Path.of(origin);
        return path.getFileName() == null ? origin : path.getFileName().toString();
    }
}
