package org.bomrl.core.train;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TrainOutcome;
import org.bomrl.core.loop.UnitExecutor;
import org.bomrl.core.loop.WorkUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Meta-training (spec §3.1), for every policy class: for t = 0 … T−1, draw B training tasks
 * τ_1 … τ_B ∼ P(Γ) ({@code TaskDistribution.sampleTrainTasks}); run one {@link WorkUnit.Train}
 * per task (round with π_φ, θ_i = Alg(π_φ, τ_i), round with π_θ_i, h_i); then
 * φ ← OuterOptimizer(φ, ĝ = (1/B) Σ_i h_i) (Adam ascent, or a TRPO step on the learner's
 * surrogate). The mean is taken in task order and every random stream is addressed by
 * (iteration, task slot), so the result does not depend on the backend or the thread count. A
 * checkpoint is written every N iterations; a run resumed from one continues exactly as the
 * uninterrupted run.
 */
public final class MetaTrainer
{
    private final TaskDistribution<?, ?> distribution;
    private final String learnerName;
    private final TaskLearner learner;
    private final UnitExecutor executor;
    private final RandomSource random;

    /**
     * @param learnerName the name {@code executor} knows {@code learner} by
     */
    public MetaTrainer(TaskDistribution<?, ?> distribution, String learnerName, TaskLearner learner, UnitExecutor executor, RandomSource random)
    {
        this.distribution = distribution;
        this.learnerName = learnerName;
        this.learner = learner;
        this.executor = executor;
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
    public Result train(double[] initial, int iterations, int tasksPerIteration, OuterOptimizer optimizer, int checkpointEvery, Optional<Checkpoint> resume,
            Consumer<Checkpoint> checkpoints, Listener listener)
    {
        double[] phi = initial.clone();
        List<TrainingRow> rows = new ArrayList<>();
        int start = 0;
        if (resume.isPresent()) {
            Checkpoint checkpoint = resume.get();
            phi = checkpoint.phi().clone();
            optimizer.restore(checkpoint.optimizerState());
            rows.addAll(checkpoint.rows());
            start = checkpoint.iterations();
        }
        for (int t = start; t < iterations; t++) {
            RandomSource iteration = random.derive("iteration").derive(t);
            List<? extends Task<?, ?>> chosen = distribution.sampleTrainTasks(tasksPerIteration, iteration.derive("tasks").generator());
            int batch = chosen.size();
            double[] parameters = phi.clone();
            List<WorkUnit.Train> units = new ArrayList<>(batch);
            for (int slot = 0; slot < batch; slot++) {
                units.add(new WorkUnit.Train(learnerName, t, slot, chosen.get(slot).id(), parameters, iteration.derive("task").derive(slot).address()));
            }
            List<TrainOutcome> outcomes = learner.prepare(executor.train(units));
            double[] meanHypergradient = new double[phi.length];
            double priorReturn = 0;
            double adaptedReturn = 0;
            Map<String, Double> diagnostics = new TreeMap<>();
            for (TrainOutcome outcome : outcomes) {
                outcome.diagnostics().forEach((name, value) -> diagnostics.merge(name, value / batch, Double::sum));
                double[] hypergradient = outcome.metaGradient();
                for (int i = 0; i < phi.length; i++) {
                    meanHypergradient[i] += hypergradient[i] / batch;
                }
                priorReturn += outcome.priorReturn() / batch;
                adaptedReturn += outcome.adaptedReturn() / batch;
            }
            Option<MetaSurrogate> surrogate = learner.surrogate(parameters, outcomes);
            optimizer.step(phi, new MetaStep()
            {
                @Override
                public double[] gradient()
                {
                    return meanHypergradient;
                }

                @Override
                public Option<MetaSurrogate> surrogate()
                {
                    return surrogate;
                }
            });
            TrainingRow row = new TrainingRow(t, priorReturn, adaptedReturn, norm(meanHypergradient), diagnostics);
            rows.add(row);
            Optional<Checkpoint> written = Optional.empty();
            if (checkpointEvery > 0 && ((t + 1) % checkpointEvery == 0 || t + 1 == iterations)) {
                Checkpoint checkpoint = new Checkpoint(t + 1, phi.clone(), optimizer.state(), rows);
                checkpoints.accept(checkpoint);
                written = Optional.of(checkpoint);
            }
            listener.iterationDone(row, written);
        }
        return new Result(phi, rows);
    }

    private static double norm(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** The trained meta-parameters φ and the per-iteration rows. */
    public record Result(double[] phi, List<TrainingRow> rows) {}
}
