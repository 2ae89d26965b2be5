package org.bomrl.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.core.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of a meta-training run after {@code iterations} completed iterations: φ, Adam's
 * moments and step count, and the training rows so far. Doubles round-trip exactly through JSON,
 * so resuming continues to the same result as an uninterrupted run.
 */
public record Checkpoint(int iterations, double[] phi, double[] firstMoment, double[] secondMoment, long adamSteps, List<TrainingRow> rows)
{
    public Checkpoint
    {
        requireNonNull(phi, "phi is null");
        requireNonNull(firstMoment, "firstMoment is null");
        requireNonNull(secondMoment, "secondMoment is null");
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
        array(node.putArray("adamFirstMoment"), firstMoment);
        array(node.putArray("adamSecondMoment"), secondMoment);
        node.put("adamSteps", adamSteps);
        ArrayNode rowsNode = node.putArray("rows");
        for (TrainingRow row : rows) {
            rowsNode.addArray().add(row.iteration()).add(row.priorReturn()).add(row.adaptedReturn()).add(row.hypergradientNorm());
        }
        directory.writeJson(fileName(method), node);
    }

    /** The checkpoint of {@code method} in {@code directory}, if one was written. */
    public static Optional<Checkpoint> read(Path directory, String method)
    {
        Path file = directory.resolve(fileName(method));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = RunDirectory.json().readTree(file.toFile());
            List<TrainingRow> rows = new ArrayList<>();
            for (JsonNode row : node.get("rows")) {
                rows.add(new TrainingRow(row.get(0).asInt(), row.get(1).asDouble(), row.get(2).asDouble(), row.get(3).asDouble()));
            }
            return Optional.of(new Checkpoint(node.get("iterations").asInt(), doubles(node.get("phi")), doubles(node.get("adamFirstMoment")),
                    doubles(node.get("adamSecondMoment")), node.get("adamSteps").asLong(), rows));
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": unreadable checkpoint: " + e.getMessage(), e);
        }
    }

    private static void array(ArrayNode node, double[] values)
    {
        for (double value : values) {
            node.add(value);
        }
    }

    private static double[] doubles(JsonNode node)
    {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }
}
