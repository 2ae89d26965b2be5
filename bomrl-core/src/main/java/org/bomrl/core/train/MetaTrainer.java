package org.bomrl.core.train;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.ObservationFilterSettings;
import org.bomrl.core.loop.ObservationStatistics;
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
 *
 * <p><b>Running observation filter</b> (spec §5b; when the learner has one,
 * {@link TaskLearner#observationFilter}). Its statistics S (count, mean, M2 per observation
 * coordinate) are part of the meta-state, as φ and the optimiser state are. Before iteration 0 the
 * warm-up initialises S: W episodes of the initial policy π_φ₀ acting on raw observations, spread
 * over B training tasks drawn from the dedicated stream {@code observation-filter/warm-up}
 * (slot i gets ⌊W/B⌋ episodes, one more for i &lt; W mod B), run in the driver, each slot's
 * statistics merged in slot order. At the start of iteration t, S_t is frozen into the snapshot
 * F_t that every unit of the iteration carries ({@link ObservationFilter.Frozen}): each unit's
 * policy sees clip((x − m)/(s + ε), ±c) with F_t's m and s, and the unit returns the statistics of
 * the raw observations it saw. After the iteration S_{t+1} = S_t ⊕ u_1 ⊕ … ⊕ u_B, the exact
 * parallel-variance merge ({@link ObservationStatistics#merge}) in task-slot order, so S never
 * depends on the thread count, the backend or the order in which units finished. S is saved in
 * every checkpoint and restored on resume; the result's {@link Result#filter} is the frozen
 * filter of S_T, which the meta-test uses unchanged.
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
        Option<ObservationFilterSettings> filter = learner.observationFilter();
        ObservationStatistics statistics = null;
        if (resume.isPresent()) {
            Checkpoint checkpoint = resume.get();
            phi = checkpoint.phi().clone();
            optimizer.restore(checkpoint.optimizerState());
            rows.addAll(checkpoint.rows());
            start = checkpoint.iterations();
            if (filter.isDefined() != checkpoint.observationFilter().isDefined()) {
                throw new IllegalStateException("the checkpoint after " + checkpoint.iterations() + " iterations was written " + (filter.isDefined() ? "without" : "with")
                        + " observation filter statistics, but the run has policy.observation_filter = " + (filter.isDefined() ? "running" : "none"));
            }
            statistics = checkpoint.observationFilter().getOrNull();
        }
        else if (filter.isDefined()) {
            statistics = warmUp(initial, tasksPerIteration, filter.get().warmupEpisodes());
        }
        for (int t = start; t < iterations; t++) {
            RandomSource iteration = random.derive("iteration").derive(t);
            List<? extends Task<?, ?>> chosen = distribution.sampleTrainTasks(tasksPerIteration, iteration.derive("tasks").generator());
            int batch = chosen.size();
            double[] parameters = phi.clone();
            ObservationFilter snapshot = filter.isDefined() ? filter.get().frozen(statistics) : ObservationFilter.identity();
            List<WorkUnit.Train> units = new ArrayList<>(batch);
            for (int slot = 0; slot < batch; slot++) {
                units.add(new WorkUnit.Train(learnerName, t, slot, chosen.get(slot).id(), parameters, iteration.derive("task").derive(slot).address(), snapshot));
            }
            List<TrainOutcome> executed = executor.train(units);
            if (filter.isDefined()) {
                statistics = merged(statistics, executed, t);
            }
            List<TrainOutcome> outcomes = learner.prepare(executed);
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
                Checkpoint checkpoint = new Checkpoint(t + 1, phi.clone(), optimizer.state(), rows, Option.of(statistics));
                checkpoints.accept(checkpoint);
                written = Optional.of(checkpoint);
            }
            listener.iterationDone(row, written);
        }
        ObservationFilter trained = filter.isDefined() ? filter.get().frozen(statistics) : ObservationFilter.identity();
        return new Result(phi, rows, trained);
    }

    /** S₀: the warm-up of {@code episodes} episodes of π_φ₀ over the tasks of the warm-up stream, merged in slot order. */
    private ObservationStatistics warmUp(double[] initial, int tasksPerIteration, int episodes)
    {
        RandomSource warmUp = random.derive("observation-filter").derive("warm-up");
        List<? extends Task<?, ?>> chosen = distribution.sampleTrainTasks(tasksPerIteration, warmUp.derive("tasks").generator());
        int batch = chosen.size();
        ObservationStatistics statistics = null;
        for (int slot = 0; slot < batch; slot++) {
            int share = episodes / batch + (slot < episodes % batch ? 1 : 0);
            if (share == 0) {
                continue;
            }
            ObservationStatistics observed = learner.observe(chosen.get(slot), initial, share, warmUp.derive("task").derive(slot));
            statistics = statistics == null ? observed : statistics.merge(observed);
        }
        return statistics;
    }

    /** S_t ⊕ u_1 ⊕ … ⊕ u_B in unit order. */
    private static ObservationStatistics merged(ObservationStatistics statistics, List<TrainOutcome> outcomes, int iteration)
    {
        ObservationStatistics result = statistics;
        for (int slot = 0; slot < outcomes.size(); slot++) {
            int index = slot;
            result = result.merge(outcomes.get(slot).observed().getOrElseThrow(() -> new IllegalStateException(
                    "meta-iteration " + iteration + ", task slot " + index + ": the unit returned no observation statistics under a running observation filter")));
        }
        return result;
    }

    private static double norm(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * The trained meta-parameters φ, the per-iteration rows and the observation filter the trained
     * policy sees through ({@link ObservationFilter#identity()} without a running filter).
     */
    public record Result(double[] phi, List<TrainingRow> rows, ObservationFilter filter)
    {
        public Result
        {
            java.util.Objects.requireNonNull(filter, "filter is null");
        }

        /** The result of a run without an observation filter. */
        public Result(double[] phi, List<TrainingRow> rows)
        {
            this(phi, rows, ObservationFilter.identity());
        }
    }
}
