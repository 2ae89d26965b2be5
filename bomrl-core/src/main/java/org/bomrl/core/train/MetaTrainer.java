package org.bomrl.core.train;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.exec.TaskRunner;
import org.bomrl.core.rollout.Rounds;
import org.bomrl.numerics.optim.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Meta-training (spec §3.1, §5a): for t = 0 … T−1, sample B distinct training tasks; for each,
 * D ← round with π_φ, θ ← Alg(π_φ, D), g ← ∇_θ J at π_θ (a fresh round or exact), h ← (∂θ/∂φ)ᵀ g;
 * then φ ← Adam-ascent(φ, (1/B) Σ h). Task work runs on the {@link TaskRunner}; the average is
 * taken in task order, and every random stream is addressed by (iteration, task slot), so the
 * result does not depend on the thread count. A checkpoint is written every N iterations; a run
 * resumed from one continues exactly as the uninterrupted run.
 */
public final class MetaTrainer
{
    private final TaskDistribution<Integer, Integer> distribution;
    private final TabularAdaptation algorithm;
    private final Rounds rounds;
    private final TaskRunner runner;
    private final RandomSource random;

    public MetaTrainer(TaskDistribution<Integer, Integer> distribution, TabularAdaptation algorithm, Rounds rounds, TaskRunner runner, RandomSource random)
    {
        this.distribution = distribution;
        this.algorithm = algorithm;
        this.rounds = rounds;
        this.runner = runner;
        this.random = random;
    }

    /** Observes iterations; {@link #iterationDone} may throw to stop training (as a kill would). */
    public interface Listener
    {
        void iterationDone(TrainingRow row, Optional<Checkpoint> written);
    }

    /**
     * Trains from {@code initial} (or from {@code resume}) for {@code iterations} iterations.
     *
     * @param checkpoints receives each checkpoint to persist
     */
    public Result train(TabularSoftmaxPolicy initial, int iterations, int tasksPerIteration, double learningRate, int checkpointEvery, Optional<Checkpoint> resume,
            java.util.function.Consumer<Checkpoint> checkpoints, Listener listener)
    {
        int states = initial.states();
        int actions = initial.actions();
        double[] phi = initial.logits();
        Adam adam = new Adam(phi.length, learningRate, 0.9, 0.999, 1e-8);
        List<TrainingRow> rows = new ArrayList<>();
        int start = 0;
        if (resume.isPresent()) {
            Checkpoint checkpoint = resume.get();
            phi = checkpoint.phi().clone();
            adam = Adam.restore(phi.length, learningRate, 0.9, 0.999, 1e-8, checkpoint.firstMoment(), checkpoint.secondMoment(), checkpoint.adamSteps());
            rows.addAll(checkpoint.rows());
            start = checkpoint.iterations();
        }
        for (int t = start; t < iterations; t++) {
            RandomSource iteration = random.derive("iteration").derive(t);
            TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(states, actions, phi);
            List<Callable<TaskOutcome>> work = new ArrayList<>();
            List<Task<Integer, Integer>> chosen = distribution.sampleTrainTasks(tasksPerIteration, iteration.derive("tasks").generator());
            int batch = chosen.size();
            for (int slot = 0; slot < batch; slot++) {
                Task<Integer, Integer> task = chosen.get(slot);
                RandomSource stream = iteration.derive("task").derive(slot);
                int index = t;
                work.add(() -> outcome(task, prior, stream, index));
            }
            List<TaskOutcome> outcomes = runner.runAll(work);
            double[] meanHypergradient = new double[phi.length];
            double priorReturn = 0;
            double adaptedReturn = 0;
            for (TaskOutcome outcome : outcomes) {
                for (int i = 0; i < phi.length; i++) {
                    meanHypergradient[i] += outcome.hypergradient[i] / batch;
                }
                priorReturn += outcome.priorReturn / batch;
                adaptedReturn += outcome.adaptedReturn / batch;
            }
            adam.step(phi, meanHypergradient);
            TrainingRow row = new TrainingRow(t, priorReturn, adaptedReturn, norm(meanHypergradient));
            rows.add(row);
            Optional<Checkpoint> written = Optional.empty();
            if (checkpointEvery > 0 && ((t + 1) % checkpointEvery == 0 || t + 1 == iterations)) {
                Checkpoint checkpoint = new Checkpoint(t + 1, phi.clone(), adam.firstMoment(), adam.secondMoment(), adam.steps(), rows);
                checkpoints.accept(checkpoint);
                written = Optional.of(checkpoint);
            }
            listener.iterationDone(row, written);
        }
        return new Result(TabularSoftmaxPolicy.of(states, actions, phi), rows);
    }

    private TaskOutcome outcome(Task<Integer, Integer> task, TabularSoftmaxPolicy prior, RandomSource stream, int iteration)
    {
        TabularRound round = rounds.collect(task, prior, stream.derive("prior"));
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
        Rounds.Gradient gradient = rounds.gradient(task, adapted, stream.derive("adapted"));
        double[] hypergradient = algorithm.hypergradient(prior, adapted, round, gradient.gradient());
        for (int i = 0; i < hypergradient.length; i++) {
            if (!Double.isFinite(hypergradient[i])) {
                throw new ArithmeticException("meta-iteration " + iteration + ", task " + task.id() + ": hypergradient entry (s=" + i / prior.actions() + ", a="
                        + i % prior.actions() + ") is " + hypergradient[i]);
            }
        }
        return new TaskOutcome(hypergradient, round.meanReturn(), gradient.meanReturn());
    }

    private static double norm(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    private record TaskOutcome(double[] hypergradient, double priorReturn, double adaptedReturn) {}

    /** The trained meta-policy and the per-iteration rows. */
    public record Result(TabularSoftmaxPolicy prior, List<TrainingRow> rows) {}
}
