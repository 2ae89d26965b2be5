package org.bomrl.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run's directory. Every file is written atomically: to a temporary file in the same directory,
 * then renamed over the target, so a crash never leaves a half-written result and never damages
 * results already there. The configuration and the checkpoints are sealed: their SHA-256 and the
 * effective configuration are kept in {@value RunIntegrity#FILE}, and {@link #open} (resume) refuses a
 * directory whose sealed files were edited or damaged, or whose effective configuration changed.
 * Thread-safe: writes of different files may run concurrently; updates of the record are serialised.
 */
public final class RunDirectory
{
    public static final String CONFIG = "config.properties";
    public static final String PROVENANCE = "provenance.json";
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Prefix and suffix of the temporary files of atomic writes; {@link #open} removes leftovers. */
    private static final String TEMPORARY_PREFIX = ".";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** Sealed files besides the configuration live here. */
    private static final String CHECKPOINTS = "checkpoints/";

    private final Path path;
    private RunIntegrity integrity;

    private RunDirectory(Path path, RunIntegrity integrity)
    {
        this.path = path;
        this.integrity = integrity;
    }

    /**
     * Creates {@code path} for a new run; refuses a directory that already holds a run and any other
     * non-empty directory (it is not this run's, and its files must not be overwritten).
     */
    public static RunDirectory create(Path path)
    {
        try {
            if (Files.exists(path.resolve(CONFIG)) || Files.exists(path.resolve(SUMMARY))) {
                throw new IllegalArgumentException(path + " already holds a run; choose another --out or use 'bomrl resume " + path + "'");
            }
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException(path + " exists and is not a directory; choose another --out");
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(path + " is not empty and holds no bomrl run; choose an empty or new directory for --out");
                    }
                }
            }
            Files.createDirectories(path);
            return new RunDirectory(path, RunIntegrity.empty());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + path + ": " + reason(e), e);
        }
    }

    /**
     * Opens an existing run directory to resume it: removes the temporary files a killed run left
     * behind, then verifies that the configuration and every checkpoint are exactly as the run wrote
     * them. Refuses (naming the file) a directory that was edited or damaged.
     */
    public static RunDirectory open(Path path)
    {
        if (!Files.isRegularFile(path.resolve(CONFIG))) {
            throw new IllegalArgumentException(path + " is not a run directory (no " + CONFIG + ")");
        }
        removeTemporaryFiles(path);
        RunIntegrity integrity = RunIntegrity.read(path);
        if (!integrity.sealedFiles().contains(CONFIG)) {
            throw new IllegalArgumentException(path.resolve(RunIntegrity.FILE) + ": no hash of " + CONFIG + " recorded; the run cannot be resumed");
        }
        for (String name : integrity.sealedFiles()) {
            Path file = path.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing (the run wrote it); the run directory was damaged and cannot be resumed");
            }
            if (!integrity.matches(name, RunIntegrity.sha256(readBytes(file)))) {
                throw new IllegalArgumentException(file + " was edited or damaged since the run wrote it (SHA-256 differs); resume refuses it: start a new run instead");
            }
        }
        Path checkpoints = path.resolve(CHECKPOINTS);
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> files = Files.list(checkpoints)) {
                for (Path file : files.sorted().toList()) {
                    if (!integrity.sealedFiles().contains(CHECKPOINTS + file.getFileName())) {
                        throw new IllegalArgumentException(file + " was not written by this run; resume refuses it: remove it or start a new run");
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list " + checkpoints + ": " + reason(e), e);
            }
        }
        return new RunDirectory(path, integrity);
    }

    /** SHA-256 of the effective configuration, one {@code key=value} line per key in key order (the plan hash). */
    public static String planHash(Map<String, String> effective)
    {
        return RunIntegrity.planHash(effective);
    }

    private static void removeTemporaryFiles(Path path)
    {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot clean the temporary files of " + path + ": " + reason(e), e);
        }
    }

    private static byte[] readBytes(Path file)
    {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e)
    {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    public Path path()
    {
        return path;
    }

    public static ObjectMapper json()
    {
        return JSON;
    }

    public static ObjectNode newObject()
    {
        return JSON.createObjectNode();
    }

    /** Writes {@code text} (UTF-8) to {@code name} atomically. */
    public Path write(String name, String text)
    {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code name} (relative, may contain directories) atomically. */
    public Path write(String name, byte[] bytes)
    {
        Path target = path.resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), TEMPORARY_PREFIX + target.getFileName(), TEMPORARY_SUFFIX);
            try {
                Files.write(temporary, bytes);
                move(temporary, target);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * Writes {@code bytes} to {@code name} atomically and records its SHA-256, so that {@link #open}
     * can verify it: recorded as pending first, sealed after the rename.
     */
    public synchronized Path writeSealed(String name, byte[] bytes)
    {
        String hash = RunIntegrity.sha256(bytes);
        updateIntegrity(integrity.withPending(name, hash));
        Path target = write(name, bytes);
        updateIntegrity(integrity.withSealed(name, hash));
        return target;
    }

    /** {@link #writeSealed} of {@code node} as indented JSON. */
    public Path writeSealedJson(String name, Object node)
    {
        try {
            return writeSealed(name, (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + name, e);
        }
    }

    private void updateIntegrity(RunIntegrity next)
    {
        integrity = next;
        writeJson(RunIntegrity.FILE, next.toJson());
    }

    /** Writes {@code node} as indented JSON to {@code name} atomically. */
    public Path writeJson(String name, Object node)
    {
        try {
            return write(name, JSON.writeValueAsString(node) + "\n");
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + name, e);
        }
    }

    /** Keys of where units run; a resume may change them. */
    private static final String EXECUTION_PREFIX = "execution.";

    /**
     * Writes the effective configuration, one {@code key = value} per line with its source as a
     * comment, sealed. In a resumed run the configuration must equal the recorded one: a change is
     * refused naming the first key that differs, and an equal one is kept as written. Keys under
     * {@code execution.*} (where units run, which results do not depend on) may change: a resume on
     * another backend records them.
     */
    public synchronized Path writeConfiguration(Map<String, String> effective, Map<String, String> sources)
    {
        if (integrity.hasConfiguration()) {
            Map<String, String> recorded = integrity.configuration();
            if (recorded.equals(new java.util.TreeMap<>(effective))) {
                return path.resolve(CONFIG);
            }
            java.util.TreeSet<String> keys = new java.util.TreeSet<>(recorded.keySet());
            keys.addAll(effective.keySet());
            java.util.Optional<String> differing = keys.stream().filter(k -> !k.startsWith(EXECUTION_PREFIX) && !java.util.Objects.equals(recorded.get(k), effective.get(k))).findFirst();
            if (differing.isEmpty()) {
                // only where units run changed (results do not depend on it): record the new execution keys
                integrity = integrity.withConfiguration(effective);
                return writeConfigurationText(effective, sources);
            }
            String key = differing.get();
            throw new IllegalArgumentException(path.resolve(CONFIG) + ": the effective configuration differs from the one the run started with (" + key + " was "
                    + Optional.ofNullable(recorded.get(key)).map(v -> "'" + v + "'").orElse("unset") + ", is now "
                    + Optional.ofNullable(effective.get(key)).map(v -> "'" + v + "'").orElse("unset") + "); resume refuses it: start a new run instead");
        }
        integrity = integrity.withConfiguration(effective);
        return writeConfigurationText(effective, sources);
    }

    private Path writeConfigurationText(Map<String, String> effective, Map<String, String> sources)
    {
        StringBuilder text = new StringBuilder("# effective configuration of this run (bomrl resume reads it back)\n");
        effective.forEach((key, value) -> text.append("# from ").append(sources.getOrDefault(key, "default")).append('\n')
                .append(key).append(" = ").append(escape(value)).append('\n'));
        return writeSealed(CONFIG, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value)
    {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Files currently in the directory tree, relative, sorted (for tests and listings). */
    public java.util.List<String> files()
    {
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).map(file -> path.relativize(file).toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path source, Path target)
            throws IOException
    {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
