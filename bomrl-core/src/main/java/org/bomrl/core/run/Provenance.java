package org.bomrl.core.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.core.plugin.RegisteredFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What produced a run: seed, plugins and their versions, task-distribution fingerprint, git revision, JVM. */
public final class Provenance
{
    private Provenance() {}

    public static ObjectNode of(long seed, Collection<RegisteredFactory> usedFactories, Map<String, String> fingerprints)
    {
        ObjectNode node = RunDirectory.newObject();
        node.put("seed", seed);
        ArrayNode plugins = node.putArray("components");
        for (RegisteredFactory factory : usedFactories) {
            plugins.addObject()
                    .put("name", factory.name())
                    .put("kind", factory.kind().label())
                    .put("class", factory.factory().getClass().getName())
                    .put("version", factory.version())
                    .put("origin", Path.of(factory.origin()).getFileName() == null ? factory.origin() : Path.of(factory.origin()).getFileName().toString());
        }
        ObjectNode distributions = node.putObject("taskDistributionFingerprints");
        fingerprints.forEach(distributions::put);
        node.put("gitRevision", gitRevision().orElse("unknown"));
        node.put("bomrlVersion", Optional.ofNullable(Provenance.class.getPackage().getImplementationVersion()).orElse("development"));
        ObjectNode jvm = node.putObject("jvm");
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        jvm.put("processors", Runtime.getRuntime().availableProcessors());
        return node;
    }

    /** {@code git rev-parse HEAD} of the working directory, if git and a repository are there. */
    static Optional<String> gitRevision()
    {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            String revision = new String(output, StandardCharsets.UTF_8).trim();
            return revision.matches("[0-9a-f]{40}") ? Optional.of(revision + (dirty() ? "-dirty" : "")) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean dirty()
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        return process.waitFor(5, TimeUnit.SECONDS) && output.length > 0;
    }
}
