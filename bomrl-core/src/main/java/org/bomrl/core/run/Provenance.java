package org.bomrl.core.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.core.plugin.RegisteredFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What produced a run: seed, plugins and their versions, task-distribution fingerprint, bomrl's own build revision (stamped at build time), JVM. */
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
        Map<String, String> stamp = buildStamp();
        node.put("bomrlRevision", stamp.get("revision"));
        node.put("bomrlVersion", Optional.ofNullable(Provenance.class.getPackage().getImplementationVersion()).orElse(stamp.get("version")));
        ObjectNode jvm = node.putObject("jvm");
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        jvm.put("processors", Runtime.getRuntime().availableProcessors());
        return node;
    }

    /**
     * The build stamp of bomrl itself ({@code build.properties}, filtered when bomrl-core is built):
     * the source revision it was built from and its version. Nothing is run and the working
     * directory is not consulted, so a run started inside another repository records bomrl's
     * revision, not that repository's.
     */
    static Map<String, String> buildStamp()
    {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException e) {
            // an unreadable stamp is recorded as unknown; provenance never fails a run
        }
        return Map.of("revision", stamped(properties.getProperty("revision")), "version", stamped(properties.getProperty("version")));
    }

    /** A stamped value, or {@code unknown} when absent or never filtered (built outside Maven). */
    private static String stamped(String value)
    {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
    }
}
