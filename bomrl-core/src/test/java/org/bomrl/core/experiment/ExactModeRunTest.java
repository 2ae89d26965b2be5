package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact-mode meta-learning on the example plugin's infinite-horizon bandit tasks. */
final class ExactModeRunTest
{
    private static final String EXPERIMENT = """
            experiment.type = meta-learning
            experiment.mode = exact
            experiment.report_writers =
            experiment.comparators = compare.all-task-optimum, compare.meta-parameter
            environment = env.example.bandit
            environment.horizon = 0
            environment.gamma = 0.5
            meta_train.iterations = 40
            meta_train.tasks_per_iteration = 2
            meta_train.optimizer.learning_rate = 0.1
            meta_test.rounds = 3
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

    private static final String MAML = """
            experiment.type = meta-learning
            experiment.mode = exact
            experiment.report_writers =
            environment = env.frozenlake.paper-high-variance
            meta_train.iterations = 30
            meta_train.optimizer.learning_rate = 0.05
            meta_test.rounds = 1
            meta_test.repetitions = 1
            methods = maml, fo-maml
            method.maml.adaptation = adapt.maml
            method.fo-maml.adaptation = adapt.maml
            method.fo-maml.adaptation.order = first
            """;

    @TempDir
    Path directory;

    @Test
    void exactMamlMetaTrainingRaisesTheAdaptedReturn()
            throws IOException
    {
        Path run = TestRuns.run(directory, "maml", MAML);

        for (String method : new String[] {"maml", "fo-maml"}) {
            java.util.List<String> rows = Files.readAllLines(run.resolve("training-" + method + ".csv"));
            double first = Double.parseDouble(rows.get(1).split(",")[2]);
            double last = Double.parseDouble(rows.get(rows.size() - 1).split(",")[2]);
            assertThat(rows).hasSize(31);
            assertThat(last).as(method + ": mean exact J of the adapted policies, last vs first iteration").isGreaterThan(first + 0.1);
        }
    }

    @Test
    void exactGapsStayBelowTheRigorousBoundAndAdaptationHelps()
            throws IOException
    {
        Path run = TestRuns.run(directory, "exact", EXPERIMENT);

        JsonNode summary = RunDirectory.json().readTree(run.resolve("summary.json").toFile());
        // J* = reward/(1−γ) = 2 for both tasks; the best shared policy is indifferent between the arms: J = 1
        assertThat(summary.get("meanReference").get("compare.all-task-optimum").asDouble()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.get("meanReference").get("compare.meta-parameter").asDouble()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        for (String method : new String[] {"alg1", "alg2", "alg3"}) {
            JsonNode node = summary.get("methods").get(method);
            JsonNode steps = node.get("steps");
            double gapStep0 = steps.get(0).get("meanGap").get("compare.all-task-optimum").asDouble();
            double gapStep1 = steps.get(1).get("meanGap").get("compare.all-task-optimum").asDouble();
            assertThat(gapStep1).as(method + " adapts toward each task's optimum").isLessThan(gapStep0);
            assertThat(gapStep1).as(method + " gap after one exact step").isLessThanOrEqualTo(node.get("rigorousGapBoundStep1").asDouble() + 1e-12);
            assertThat(steps.get(1).get("meanReturn").asDouble()).isEqualTo(steps.get(1).get("meanExactReturn").asDouble());
        }
    }
}
