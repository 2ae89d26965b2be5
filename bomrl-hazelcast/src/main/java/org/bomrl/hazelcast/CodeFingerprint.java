package org.bomrl.hazelcast;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.core.experiment.ExperimentRunner;
import org.bomrl.core.plugin.PluginRegistry;
import org.bomrl.core.plugin.RegisteredFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What code a JVM runs units with: SHA-256 over every registered factory (kind, name, class,
 * version) and the contents of the jars (or class directories) of those factories, of bomrl's api
 * and core and of this module. Contents are hashed entry by entry (name and bytes, the manifest
 * left out), so the same build copied to another machine or rebuilt from the same sources gives
 * the same fingerprint, wherever its files lie.
 */
final class CodeFingerprint
{
    private static final Map<String, String> CONTENT_HASHES = new ConcurrentHashMap<>();

    private CodeFingerprint() {}

    static String of(PluginRegistry registry)
    {
        List<String> lines = new ArrayList<>();
        TreeSet<String> contents = new TreeSet<>();
        for (RegisteredFactory factory : registry.all()) {
            lines.add("factory " + factory.kind().label() + " " + factory.name() + " " + factory.factory().getClass().getName() + " " + factory.version());
            contents.add(contentHash(factory.origin()));
        }
        for (Class<?> type : List.of(BomrlPlugin.class, ExperimentRunner.class, org.bomrl.numerics.optim.Adam.class, CodeFingerprint.class)) {
            contents.add(contentHash(PluginRegistry.origin(type)));
        }
        contents.forEach(hash -> lines.add("code " + hash));
        return sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private static String contentHash(String origin)
    {
        return CONTENT_HASHES.computeIfAbsent(origin, CodeFingerprint::hashContents);
    }

    private static String hashContents(String origin)
    {
        Path path = Path.of(java.net.URLDecoder.decode(origin.replace("+", "%2B"), StandardCharsets.UTF_8));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        entry(digest, path.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            else if (Files.isRegularFile(path)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    TreeSet<String> names = new TreeSet<>();
                    for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                        ZipEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && !entry.getName().equals("META-INF/MANIFEST.MF")) {
                            names.add(entry.getName());
                        }
                    }
                    for (String name : names) {
                        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                            entry(digest, name, in.readAllBytes());
                        }
                    }
                }
            }
            else {
                entry(digest, "missing", origin.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + origin + ": " + e.getMessage(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void entry(MessageDigest digest, String name, byte[] bytes)
    {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    private static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
