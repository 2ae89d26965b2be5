package org.bomrl.tck;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.tck.TabularAdaptationContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The standalone plugin project ({@code examples/standalone-plugin}, outside the reactor) built as a
 * plugin author's build would: its sources compiled against the api, the TCK and the test libraries
 * that {@code bomrl-tck} brings (exactly its class path here), its test classes run by the JUnit
 * Platform. The contract tests run (more than zero) and pass; with a planted bug (the second-order
 * term of the hypergradient dropped, so h = g) the finite-difference check fails.
 */
final class StandalonePluginTest
{
    private static final Path PROJECT = Path.of("..", "examples", "standalone-plugin");
    private static final Path HYPERGRADIENT_SOURCE = Path.of("src/main/java/org/example/bomrl/GradientStep.java");
    private static final String SECOND_ORDER_LINE = "h[s * actions + a] += alpha * round.visitation(s) * sum; // second-order term";
    private static final List<String> TEST_CLASSES = List.of("org.example.bomrl.GradientStepContractTest", "org.example.bomrl.GradientStepPluginContractTest");

    @TempDir
    Path directory;

    @Test
    void theStandalonePluginRunsTheContractTestsAndPasses()
            throws Exception
    {
        TestExecutionSummary summary = buildAndTest(copy(PROJECT, directory.resolve("clean")));

        assertThat(summary.getTestsFoundCount()).as("contract tests found").isGreaterThanOrEqualTo(8);
        assertThat(summary.getTestsSucceededCount()).as("contract tests passed").isEqualTo(summary.getTestsFoundCount());
        assertThat(summary.getFailures()).as("failures").isEmpty();
    }

    @Test
    void aPlantedHypergradientBugFailsTheFiniteDifferenceCheck()
            throws Exception
    {
        Path project = copy(PROJECT, directory.resolve("planted"));
        Path source = project.resolve(HYPERGRADIENT_SOURCE);
        String text = Files.readString(source);
        assertThat(text).contains(SECOND_ORDER_LINE);
        Files.writeString(source, text.replace(SECOND_ORDER_LINE, "// planted bug: second-order term dropped, h = g"));

        TestExecutionSummary summary = buildAndTest(project);

        assertThat(summary.getTestsFoundCount()).isGreaterThanOrEqualTo(8);
        assertThat(summary.getFailures()).extracting(failure -> failure.getTestIdentifier().getDisplayName())
                .containsExactly("hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective()");
    }

    /** Compiles main and test sources against the TCK's class path and runs the test classes. */
    private static TestExecutionSummary buildAndTest(Path project)
            throws IOException, ClassNotFoundException
    {
        Path classes = project.resolve("target/classes");
        Path testClasses = project.resolve("target/test-classes");
        String classPath = String.join(File.pathSeparator, location(BomrlPlugin.class), location(io.vavr.control.Option.class));
        compile(project.resolve("src/main/java"), classes, classPath);
        compile(project.resolve("src/test/java"), testClasses, String.join(File.pathSeparator, classPath, classes.toString(), location(TabularAdaptationContract.class),
                location(BomrlPluginContract.class), location(Test.class), location(org.assertj.core.api.Assertions.class)));
        URL[] urls = {classes.toUri().toURL(), project.resolve("src/main/resources").toUri().toURL(), testClasses.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader("standalone-plugin", urls, StandalonePluginTest.class.getClassLoader())) {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String name : TEST_CLASSES) {
                request.selectors(selectClass(loader.loadClass(name)));
            }
            LauncherDiscoveryRequest discovery = request.build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(discovery, listener);
            return listener.getSummary();
        }
    }

    private static void compile(Path sources, Path output, String classPath)
            throws IOException
    {
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-classpath", classPath, "--release", "17", "-proc:none", "-encoding", "UTF-8"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> arguments.add(file.toString()));
        }
        Files.createDirectories(output);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
        assertThat(code).as("javac of %s: %s", sources, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static Path copy(Path from, Path to)
            throws IOException
    {
        assertThat(from.resolve("pom.xml")).as("the standalone plugin project").isRegularFile();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(path -> !from.relativize(path).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
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
