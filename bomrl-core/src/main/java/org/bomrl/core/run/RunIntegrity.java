package org.bomrl.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The integrity record of a run directory ({@value #FILE}): the plan hash (SHA-256 of the effective
 * configuration, one {@code key=value} line per key in key order), the effective configuration itself
 * (so an edit can be named), and the SHA-256 of every sealed file (the configuration and each
 * checkpoint). A sealed file is recorded as pending before it is replaced and as sealed after, so a
 * kill at any moment leaves a directory that still verifies. Not thread-safe on its own: {@link RunDirectory}
 * serialises the updates.
 */
final class RunIntegrity
{
    static final String FILE = "integrity.json";

    private final Map<String, String> configuration;
    private final Map<String, String> sealed;
    private final Map<String, String> pending;

    private RunIntegrity(Map<String, String> configuration, Map<String, String> sealed, Map<String, String> pending)
    {
        this.configuration = new TreeMap<>(configuration);
        this.sealed = new TreeMap<>(sealed);
        this.pending = new TreeMap<>(pending);
    }

    static RunIntegrity empty()
    {
        return new RunIntegrity(Map.of(), Map.of(), Map.of());
    }

    /** SHA-256 of {@code effective}, one {@code key=value} line per key in key order, as hex. */
    static String planHash(Map<String, String> effective)
    {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(effective).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the record of {@code directory}; a missing or unreadable record is an error naming the file and field. */
    static RunIntegrity read(Path directory)
    {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(directory + " has no " + FILE + ": it was not written by this version of bomrl or was damaged; it cannot be resumed");
        }
        JsonNode node;
        try {
            node = RunDirectory.json().readTree(file.toFile());
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": unreadable integrity record (not valid JSON); the run cannot be resumed");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(file + ": integrity record must be a JSON object");
        }
        return new RunIntegrity(strings(file, node, "configuration"), strings(file, node, "sealed"), strings(file, node, "pending"));
    }

    private static Map<String, String> strings(Path file, JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(file + ": integrity record field " + field + " is missing or not an object");
        }
        Map<String, String> result = new TreeMap<>();
        for (var it = value.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": integrity record field " + field + "." + entry.getKey() + " must be a string");
            }
            result.put(entry.getKey(), entry.getValue().asText());
        }
        return result;
    }

    boolean hasConfiguration()
    {
        return !configuration.isEmpty();
    }

    Map<String, String> configuration()
    {
        return configuration;
    }

    Set<String> sealedFiles()
    {
        Set<String> names = new TreeSet<>(sealed.keySet());
        names.addAll(pending.keySet());
        return names;
    }

    /** Whether {@code hash} is the recorded (or pending) hash of {@code name}. */
    boolean matches(String name, String hash)
    {
        return hash.equals(sealed.get(name)) || hash.equals(pending.get(name));
    }

    RunIntegrity withConfiguration(Map<String, String> effective)
    {
        return new RunIntegrity(effective, sealed, pending);
    }

    RunIntegrity withPending(String name, String hash)
    {
        Map<String, String> next = new TreeMap<>(pending);
        next.put(name, hash);
        return new RunIntegrity(configuration, sealed, next);
    }

    RunIntegrity withSealed(String name, String hash)
    {
        Map<String, String> nextSealed = new TreeMap<>(sealed);
        nextSealed.put(name, hash);
        Map<String, String> nextPending = new TreeMap<>(pending);
        nextPending.remove(name);
        return new RunIntegrity(configuration, nextSealed, nextPending);
    }

    ObjectNode toJson()
    {
        ObjectNode node = RunDirectory.newObject();
        node.put("planHash", planHash(configuration));
        ObjectNode config = node.putObject("configuration");
        configuration.forEach(config::put);
        ObjectNode sealedNode = node.putObject("sealed");
        sealed.forEach(sealedNode::put);
        ObjectNode pendingNode = node.putObject("pending");
        pending.forEach(pendingNode::put);
        return node;
    }
}
