package org.bomrl.core.experiment;

import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.core.config.ExperimentConfiguration;
import org.bomrl.core.exec.RunDescription;
import org.bomrl.core.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A method's own outer optimiser ({@code method.<id>.meta_train.optimizer*}, {@link MethodOptimizers}):
 * a method that names one is meta-trained by it, exactly as a run whose experiment-level optimiser
 * it is (meta-training streams are addressed by method id, so the training tables must be byte
 * identical); settings without a name overlay the experiment's optimiser; the keys are in the
 * effective configuration and a rebuilt run accepts them; a bad name is a one-line error.
 */
final class MethodOptimizersTest
{
    private static final String BASE = """
            experiment.type = meta-learning
            experiment.seed = 11
            experiment.mode = estimated
            experiment.report_writers =
            environment = env.linear-quadratic
            environment.horizon = 8
            policy = policy.gaussian-mlp
            policy.hidden_sizes = none
            sampling.episodes = 3
            sampling.post_episodes = 3
            sampling.horizon = 8
            sampling.bootstrap_steps = 0
            sampling.fisher_tasks = 2
            meta_train.iterations = 2
            meta_train.tasks_per_iteration = 2
            meta_test.rounds = 1
            meta_test.repetitions = 1
            """;

    private static final String ALG1 = """
            method.alg1.adaptation = adapt.bomrl
            method.alg1.adaptation.distance = distance.kl-prior-adapted
            method.alg1.adaptation.lambda = 0.5
            """;

    private static final String PROMP = "method.promp.adaptation = adapt.promp\n";

    private static final String TRPO = """
            meta_train.optimizer = optimizer.trpo
            meta_train.optimizer.max_kl = 0.01
            """;

    @Test
    void methodLevelOptimiserMetaTrainsThatMethodAsTheExperimentLevelOneWould(@TempDir Path directory)
            throws IOException
    {
        Path mixed = TestRuns.run(directory, "mixed", BASE + TRPO + ALG1 + PROMP + """
                methods = alg1, promp
                method.promp.meta_train.optimizer = optimizer.promp-epochs
                method.promp.meta_train.optimizer.epochs = 2
                """);
        Path alone = TestRuns.run(directory, "alone", BASE + PROMP + """
                methods = promp
                meta_train.optimizer = optimizer.promp-epochs
                meta_train.optimizer.epochs = 2
                """);
        Path trpoAlone = TestRuns.run(directory, "trpo-alone", BASE + TRPO + ALG1 + "methods = alg1\n");

        assertThat(Files.readString(mixed.resolve("checkpoints/promp.json"))).as("the epoch optimiser's state").contains("klPenalty").contains("firstMoment");
        assertThat(Files.readString(mixed.resolve("checkpoints/alg1.json"))).as("the experiment's TRPO state").contains("iterations").doesNotContain("klPenalty");
        assertThat(Files.readAllBytes(mixed.resolve("training-promp.csv"))).isEqualTo(Files.readAllBytes(alone.resolve("training-promp.csv")));
        assertThat(Files.readAllBytes(mixed.resolve("training-alg1.csv"))).isEqualTo(Files.readAllBytes(trpoAlone.resolve("training-alg1.csv")));

        Map<String, String> effective = configuration(mixed);
        assertThat(effective).containsEntry("method.promp.meta_train.optimizer", "optimizer.promp-epochs")
                .containsEntry("method.promp.meta_train.optimizer.epochs", "2")
                .containsEntry("method.promp.meta_train.optimizer.learning_rate", "0.001")
                .doesNotContainKey("method.alg1.meta_train.optimizer");
        Path base = Path.of(effective.get("experiment.base_directory"));
        ExperimentRunner.RebuiltRun rebuilt = TestRuns.runner().rebuild(new RunDescription(effective, base, ExperimentRunner.planHash(effective)));
        assertThat(rebuilt.learners().apply("promp/meta-train").parameterCount()).isEqualTo(rebuilt.learners().apply("alg1/meta-train").parameterCount());
        Map<String, String> withoutOverride = new HashMap<>(effective);
        withoutOverride.keySet().removeIf(key -> key.startsWith("method.promp.meta_train."));
        assertThat(ExperimentRunner.planHash(withoutOverride)).as("the plan hash records the override").isNotEqualTo(ExperimentRunner.planHash(effective));
        assertThatThrownBy(() -> TestRuns.runner().rebuild(new RunDescription(withoutOverride, base, ExperimentRunner.planHash(effective))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the rebuilt plan differs");
    }

    @Test
    void settingsWithoutANameOverlayTheExperimentOptimiser(@TempDir Path directory)
            throws IOException
    {
        Path overlaid = TestRuns.run(directory, "overlaid", BASE + TRPO + ALG1 + """
                methods = alg1
                method.alg1.meta_train.optimizer.max_kl = 0.05
                """);
        Path direct = TestRuns.run(directory, "direct", BASE + ALG1 + """
                methods = alg1
                meta_train.optimizer = optimizer.trpo
                meta_train.optimizer.max_kl = 0.05
                """);
        Path unchanged = TestRuns.run(directory, "unchanged", BASE + TRPO + ALG1 + "methods = alg1\n");

        assertThat(Files.readAllBytes(overlaid.resolve("training-alg1.csv"))).isEqualTo(Files.readAllBytes(direct.resolve("training-alg1.csv")));
        assertThat(Files.readAllBytes(overlaid.resolve("training-alg1.csv"))).as("the larger trust region changes the iterates")
                .isNotEqualTo(Files.readAllBytes(unchanged.resolve("training-alg1.csv")));
        assertThat(configuration(overlaid)).containsEntry("method.alg1.meta_train.optimizer.max_kl", "0.05").containsEntry("meta_train.optimizer.max_kl", "0.01");
    }

    @Test
    void unknownOptimiserOrSettingIsAOneLineError(@TempDir Path directory)
    {
        assertThatThrownBy(() -> TestRuns.run(directory, "bad-name", BASE + TRPO + ALG1 + PROMP + """
                methods = alg1, promp
                method.promp.meta_train.optimizer = optimizer.prompt-epochs
                """)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("method.promp.meta_train.optimizer = 'optimizer.prompt-epochs' is not a registered outer optimizer")
                .hasMessageContaining("valid: ").hasMessageContaining("optimizer.promp-epochs").hasMessageContaining("optimizer.trpo")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> TestRuns.run(directory, "bad-key", BASE + TRPO + ALG1 + """
                methods = alg1
                method.alg1.meta_train.optimizer.max_kll = 0.05
                """)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("unknown key 'method.alg1.meta_train.optimizer.max_kll'")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
        assertThat(directory.resolve("bad-name")).doesNotExist();
    }

    private static Map<String, String> configuration(Path run)
            throws IOException
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(run.resolve(RunDirectory.CONFIG))) {
            properties.load(reader);
        }
        Map<String, String> configuration = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> configuration.put(key, properties.getProperty(key)));
        return configuration;
    }
}
