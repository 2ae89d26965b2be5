package org.bomrl.core.badinput;

import org.bomrl.core.cli.Bomrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numerical failures planted by settings that overflow: each run exits with
 * {@link Bomrl#NUMERICAL_ERROR} and one line naming the method, the phase, the meta-iteration and
 * the task, for a tabular (bandit) and a Gaussian (2-D navigation) run, in meta-training and in
 * the meta-test.
 */
final class NumericalFailureTest
{
    /** Two-armed bandit; method {@code b} is BO-MRL's as-coded Alg(1), whose SGD overflows at a step size of 1e300. */
    private static final String BANDIT = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "environment = env.example.bandit", "estimation.episodes = 20",
            "meta_train.iterations = 2", "meta_train.tasks_per_iteration = 2", "meta_test.rounds = 2", "meta_test.repetitions = 1", "methods = b",
            "method.b.adaptation = adapt.bomrl", "method.b.adaptation.distance = distance.kl-prior-adapted", "method.b.adaptation.solver = as-coded",
            "method.b.adaptation.lambda = 0.5", "");

    /** 2-D navigation with a tiny network; method {@code alg1}'s lower-level Adam overflows at a learning rate of 1e300. */
    private static final String NAVIGATION = String.join("\n",
            "experiment.type = meta-learning", "experiment.report_writers =", "experiment.mode = estimated", "environment = env.navigation-2d",
            "environment.horizon = 10", "policy = policy.gaussian-mlp", "policy.hidden_sizes = 4", "sampling.episodes = 2", "sampling.post_episodes = 2",
            "sampling.horizon = 10", "sampling.fisher_tasks = 1", "meta_train.iterations = 1", "meta_train.tasks_per_iteration = 1",
            "meta_train.optimizer = optimizer.trpo", "meta_test.rounds = 1", "meta_test.repetitions = 1", "methods = alg1", "method.alg1.adaptation = adapt.bomrl",
            "method.alg1.adaptation.distance = distance.kl-prior-adapted", "method.alg1.adaptation.lambda = 0.5", "method.alg1.adaptation.inner_steps = 3", "");

    @TempDir
    Path directory;

    @Test
    void aTabularLowerLevelThatOverflowsNamesMethodPhaseIterationAndTask()
            throws IOException
    {
        String line = failure(BANDIT + "method.b.adaptation.as_coded_learning_rate = 1e300\n");
        assertThat(line).startsWith("bomrl: numerical failure: method b, lower level, meta-iteration 0, task ").contains("as-coded Alg(1)");
    }

    @Test
    void aTabularMetaTestRoundThatOverflowsNamesTheRound()
            throws IOException
    {
        String line = failure(BANDIT + "method.b.prior = uniform\nmethod.b.adaptation.as_coded_learning_rate = 1e300\n");
        assertThat(line).startsWith("bomrl: numerical failure: method b, meta-test round 1, lower level, task ").contains("as-coded Alg(1)");
    }

    @Test
    void aGaussianLowerLevelThatOverflowsNamesMethodPhaseIterationAndTask()
            throws IOException
    {
        String line = failure(NAVIGATION + "method.alg1.adaptation.inner_learning_rate = 1e300\n");
        assertThat(line).startsWith("bomrl: numerical failure: method alg1, lower level, meta-iteration 0, task goal=").containsOnlyOnce("task ")
                .contains(": inner step ").endsWith("is NaN");
    }

    @Test
    void anOuterStepThatOverflowsNamesMethodPhaseAndIteration()
            throws IOException
    {
        String line = failure(BANDIT.replace("solver = as-coded", "solver = exact") + "meta_train.optimizer.learning_rate = 1e308\n");
        assertThat(line).startsWith("bomrl: numerical failure: method b, outer step, meta-iteration ").contains("updated φ entry");
    }

    /** Runs {@code text} and returns its one line on standard error, checking the exit code and that nothing else was printed there. */
    private String failure(String text)
            throws IOException
    {
        Path file = Files.writeString(directory.resolve("e.properties"), text);
        StringWriter err = new StringWriter();
        int code = Bomrl.execute(new String[] {"run", file.toString(), "--out", directory.resolve("out").toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        List<String> lines = err.toString().strip().lines().toList();
        assertThat(code).as("exit code; stderr: %s", lines).isEqualTo(Bomrl.NUMERICAL_ERROR);
        assertThat(lines).as("stderr").hasSize(1);
        return lines.get(0);
    }
}
