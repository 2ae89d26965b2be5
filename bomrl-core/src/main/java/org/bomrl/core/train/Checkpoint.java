package org.bomrl.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;
import org.bomrl.core.loop.ObservationStatistics;
import org.bomrl.core.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The state of a meta-training run after {@code iterations} completed iterations: φ, the outer
 * optimiser's whole state (e.g. Adam's moments and step count), the training rows so far and, with a
 * running observation filter (spec §5b), its statistics (n, m, M2 per coordinate; field
 * {@code observation_filter}, written only when the run has the filter).
 * Doubles round-trip exactly through JSON, so resuming continues to the same result as an
 * uninterrupted run. Reading is strict: a missing or non-numeric field is an error naming the file
 * and the field.
 */
public record Checkpoint(int iterations, double[] phi, Map<String, double[]> optimizerState, List<TrainingRow> rows, Option<ObservationStatistics> observationFilter)
{
    /** The checkpoint of a run without an observation filter. */
    public Checkpoint(int iterations, double[] phi, Map<String, double[]> optimizerState, List<TrainingRow> rows)
    {
        this(iterations, phi, optimizerState, rows, Option.none());
    }

    public Checkpoint
    {
        requireNonNull(phi, "phi is null");
        requireNonNull(observationFilter, "observationFilter is null");
        Map<String, double[]> copy = new TreeMap<>();
        requireNonNull(optimizerState, "optimizerState is null").forEach((name, values) -> copy.put(name, values.clone()));
        optimizerState = java.util.Collections.unmodifiableMap(copy);
        rows = List.copyOf(rows);
    }

    static String fileName(String method)
    {
        return "checkpoints/" + method + ".json";
    }

    public void write(RunDirectory directory, String method)
    {
        ObjectNode node = RunDirectory.newObject();
        node.put("iterations", iterations);
        array(node.putArray("phi"), phi);
        ObjectNode optimizer = node.putObject("optimizer");
        optimizerState.forEach((name, values) -> array(optimizer.putArray(name), values));
        ArrayNode rowsNode = node.putArray("rows");
        for (TrainingRow row : rows) {
            ArrayNode rowNode = rowsNode.addArray().add(row.iteration()).add(row.priorReturn()).add(row.adaptedReturn()).add(row.hypergradientNorm());
            if (!row.diagnostics().isEmpty()) {
                ObjectNode diagnostics = rowNode.addObject();
                row.diagnostics().forEach(diagnostics::put);
            }
        }
        observationFilter.forEach(statistics -> {
            ObjectNode filter = node.putObject("observation_filter");
            filter.put("count", statistics.count());
            array(filter.putArray("mean"), statistics.mean());
            array(filter.putArray("m2"), statistics.sumOfSquaredDeviations());
        });
        directory.writeSealedJson(fileName(method), node);
    }

    /** The checkpoint of {@code method} in {@code directory}, if one was written. */
    public static Optional<Checkpoint> read(Path directory, String method)
    {
        Path file = directory.resolve(fileName(method));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = RunDirectory.json().readTree(file.toFile());
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": unreadable checkpoint (not valid JSON)");
        }
        List<TrainingRow> rows = new ArrayList<>();
        JsonNode rowsNode = field(file, node, "rows");
        for (int r = 0; r < rowsNode.size(); r++) {
            JsonNode row = rowsNode.get(r);
            String name = "rows[" + r + "]";
            if (!row.isArray() || row.size() < 4 || row.size() > 5 || !row.get(0).isIntegralNumber() || (row.size() == 5 && !row.get(4).isObject())) {
                throw new IllegalArgumentException(file + ": checkpoint field " + name + " must be [iteration, prior return, adapted return, norm] or with a diagnostics object");
            }
            Map<String, Double> diagnostics = new TreeMap<>();
            if (row.size() == 5) {
                row.get(4).fields().forEachRemaining(entry -> diagnostics.put(entry.getKey(), number(file, entry.getValue(), name + "." + entry.getKey())));
            }
            rows.add(new TrainingRow(row.get(0).asInt(), number(file, row.get(1), name), number(file, row.get(2), name), number(file, row.get(3), name), diagnostics));
        }
        JsonNode iterations = field(file, node, "iterations");
        if (!iterations.isIntegralNumber()) {
            throw new IllegalArgumentException(file + ": checkpoint field iterations must be an integer: " + iterations);
        }
        Map<String, double[]> optimizer = new TreeMap<>();
        JsonNode optimizerNode = field(file, node, "optimizer");
        optimizerNode.fieldNames().forEachRemaining(name -> optimizer.put(name, doubles(file, optimizerNode.get(name), "optimizer." + name)));
        Option<ObservationStatistics> filter = Option.none();
        if (node.has("observation_filter")) {
            JsonNode filterNode = node.get("observation_filter");
            JsonNode count = field(file, filterNode, "count");
            if (!count.isIntegralNumber() || count.asLong() < 0) {
                throw new IllegalArgumentException(file + ": checkpoint field observation_filter.count must be a non-negative integer: " + count);
            }
            try {
                filter = Option.some(new ObservationStatistics(count.asLong(), doubles(file, field(file, filterNode, "mean"), "observation_filter.mean"),
                        doubles(file, field(file, filterNode, "m2"), "observation_filter.m2")));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": checkpoint field observation_filter is inconsistent: " + e.getMessage());
            }
        }
        return Optional.of(new Checkpoint(iterations.asInt(), doubles(file, field(file, node, "phi"), "phi"), optimizer, rows, filter));
    }

    private static JsonNode field(Path file, JsonNode node, String name)
    {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": checkpoint field " + name + " is missing");
        }
        return value;
    }

    private static void array(ArrayNode node, double[] values)
    {
        for (double value : values) {
            node.add(value);
        }
    }

    private static double number(Path file, JsonNode value, String name)
    {
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(file + ": checkpoint field " + name + " holds a non-number: " + value);
        }
        return value.asDouble();
    }

    private static double[] doubles(Path file, JsonNode node, String name)
    {
        if (!node.isArray()) {
            throw new IllegalArgumentException(file + ": checkpoint field " + name + " must be an array of numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(file, node.get(i), name + "[" + i + "]");
        }
        return values;
    }
}
