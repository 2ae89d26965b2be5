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
import java.util.stream.Stream;

/**
 * One run's directory. Every file is written atomically: to a temporary file in the same directory,
 * then renamed over the target, so a crash never leaves a half-written result and never damages
 * results already there.
 */
public final class RunDirectory
{
    public static final String CONFIG = "config.properties";
    public static final String PROVENANCE = "provenance.json";
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path path;

    private RunDirectory(Path path)
    {
        this.path = path;
    }

    /** Creates {@code path} for a new run; refuses a directory that already holds a run. */
    public static RunDirectory create(Path path)
    {
        try {
            if (Files.exists(path.resolve(CONFIG)) || Files.exists(path.resolve(SUMMARY))) {
                throw new IllegalArgumentException(path + " already holds a run; choose another --out or use 'bomrl resume " + path + "'");
            }
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException(path + " exists and is not a directory");
            }
            Files.createDirectories(path);
            return new RunDirectory(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + path, e);
        }
    }

    /** Opens an existing run directory, e.g. to resume it. */
    public static RunDirectory open(Path path)
    {
        if (!Files.isRegularFile(path.resolve(CONFIG))) {
            throw new IllegalArgumentException(path + " is not a run directory (no " + CONFIG + ")");
        }
        return new RunDirectory(path);
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
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
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
            throw new UncheckedIOException("cannot write " + target, e);
        }
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

    /** Writes the effective configuration, one {@code key = value} per line with its source as a comment. */
    public Path writeConfiguration(Map<String, String> effective, Map<String, String> sources)
    {
        StringBuilder text = new StringBuilder("# effective configuration of this run (bomrl resume reads it back)\n");
        effective.forEach((key, value) -> text.append("# from ").append(sources.getOrDefault(key, "default")).append('\n')
                .append(key).append(" = ").append(escape(value)).append('\n'));
        return write(CONFIG, text.toString());
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
