package org.bomrl.core.badinput;

import org.bomrl.api.BomrlPlugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles Java sources against the api into a jar, for tests of plugin loading and plugin faults. */
final class PluginJars
{
    private PluginJars() {}

    /**
     * Compiles {@code sources} (path inside the source tree → text) and writes them, with
     * {@code resources} (path → text), to {@code jar}.
     */
    static Path build(Path workDirectory, Path jar, Map<String, String> sources, Map<String, String> resources, Path... classPath)
    {
        try {
            Path sourceRoot = Files.createDirectories(workDirectory.resolve("src"));
            Path classes = Files.createDirectories(workDirectory.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", location(BomrlPlugin.class) + java.io.File.pathSeparator
                    + location(io.vavr.control.Option.class) + Stream.of(classPath).map(path -> java.io.File.pathSeparator + path).reduce("", String::concat),
                    "--release", "17", "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            if (compiler.run(null, diagnostics, diagnostics, arguments.toArray(new String[0])) != 0) {
                throw new IllegalStateException("test plugin does not compile: " + diagnostics.toString(StandardCharsets.UTF_8));
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out); Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(resource.getKey()));
                    jarOut.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
            return jar;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-factory environment plugin {@code pkg.Plugin} whose factory is named {@code name} and whose {@code create} body is {@code createBody}. */
    static Path environmentPlugin(Path workDirectory, String pkg, String name, String createBody, String description, Path... classPath)
    {
        String plugin = """
                package %1$s;

                public final class Plugin implements org.bomrl.api.BomrlPlugin {
                    @Override
                    public java.util.List<org.bomrl.api.env.EnvironmentFactory> environmentFactories() {
                        return java.util.List.of(new org.bomrl.api.env.EnvironmentFactory() {
                            @Override public String name() { return "%2$s"; }
                            @Override public String description() { return %4$s; }
                            @Override public java.util.List<org.bomrl.api.settings.SettingSpec> settings() { return java.util.List.of(); }
                            @Override public org.bomrl.api.env.TaskDistribution<?, ?> create(org.bomrl.api.settings.Settings settings, org.bomrl.api.context.RunContext context) {
                                %3$s
                            }
                        });
                    }
                }
                """.formatted(pkg, name, createBody, description);
        return build(workDirectory, workDirectory.resolve(pkg + ".jar"), Map.of(pkg.replace('.', '/') + "/Plugin.java", plugin),
                Map.of("META-INF/services/" + BomrlPlugin.class.getName(), pkg + ".Plugin\n"), classPath);
    }

    private static String location(Class<?> type)
    {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
