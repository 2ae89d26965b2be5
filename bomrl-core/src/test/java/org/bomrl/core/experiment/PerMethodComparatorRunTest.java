package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A meta-learning run with {@code compare.meta-parameter-adapted}, {@code algorithm = method}
 * (spec §1.3): each method is measured against the best meta-parameter after one step of its own
 * algorithm, so its gap after one adaptation step is ≥ 0; shared comparators keep one reference.
 */
final class PerMethodComparatorRunTest
{
    /** The reference is a maximum found by ascent; a trained prior cannot beat it beyond the ascent's stopping error. */
    private static final double GAP_TOLERANCE = 1e-6;
    /** CSV and JSON print doubles exactly; the curves' gap is the reference mean minus the mean exact return. */
    private static final double PRINTED = 1e-12;

    private static final String EXPERIMENT = """
            experiment.type = meta-learning
            experiment.mode = exact
            experiment.report_writers =
            experiment.comparators = compare.meta-parameter, compare.meta-parameter-adapted
            comparator.compare.meta-parameter-adapted.algorithm = method
            comparator.compare.meta-parameter-adapted.iterations = 300
            environment = env.example.bandit
            environment.horizon = 0
            environment.gamma = 0.5
            meta_train.iterations = 40
            meta_train.tasks_per_iteration = 2
            meta_train.optimizer.learning_rate = 0.1
            meta_test.rounds = 2
            meta_test.repetitions = 1
            methods = alg1, alg2, alg3
            method.alg1.adaptation = adapt.bomrl
            method.alg1.adaptation.distance = distance.kl-prior-adapted
            method.alg1.adaptation.lambda = 0.5
            method.alg2.adaptation = adapt.bomrl
            method.alg2.adaptation.distance = distance.kl-adapted-prior
            method.alg2.adaptation.lambda = 0.5
            method.alg3.adaptation = adapt.bomrl
            method.alg3.adaptation.distance = distance.squared-euclidean
            method.alg3.adaptation.lambda = 0.5
            """;

    @TempDir
    Path directory;

    @Test
    void eachMethodIsMeasuredAgainstItsOwnAlgorithmsBestMetaParameter()
            throws IOException
    {
        Path run = TestRuns.run(directory, "per-method", EXPERIMENT);

        JsonNode summary = RunDirectory.json().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("meanReference").has("compare.meta-parameter")).isTrue();
        assertThat(summary.get("meanReference").has("compare.meta-parameter-adapted")).as("measured per method, not shared").isFalse();
        List<String> curves = Files.readAllLines(run.resolve("curves.csv"));
        List<String> header = List.of(curves.get(0).split(","));
        int exactColumn = header.indexOf("mean_exact_return");
        int gapColumn = header.indexOf("mean_gap_compare.meta-parameter-adapted");
        for (String method : new String[] {"alg1", "alg2", "alg3"}) {
            JsonNode node = summary.get("methods").get(method);
            double reference = node.get("meanReference").get("compare.meta-parameter-adapted").asDouble();
            assertThat(node.get("meanReference").has("compare.meta-parameter")).as("shared comparators stay at the top level").isFalse();
            double gapStep1 = node.get("steps").get(1).get("meanGap").get("compare.meta-parameter-adapted").asDouble();
            double exactStep1 = node.get("steps").get(1).get("meanExactReturn").asDouble();
            assertThat(gapStep1).as(method + ": gap after one step of its own algorithm").isGreaterThanOrEqualTo(-GAP_TOLERANCE);
            assertThat(gapStep1).isCloseTo(reference - exactStep1, within(PRINTED));
            String[] row = curves.stream().filter(line -> line.startsWith(method + ",1,")).findFirst().orElseThrow().split(",");
            assertThat(Double.parseDouble(row[gapColumn])).isCloseTo(reference - Double.parseDouble(row[exactColumn]), within(PRINTED));
        }
        assertThat(Files.readAllLines(run.resolve("meta-test.csv")).get(0)).endsWith("gap_compare.meta-parameter,gap_compare.meta-parameter-adapted");
    }
}
