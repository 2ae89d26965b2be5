package org.bomrl.core.loop;

import io.vavr.control.Option;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.optim.MetaSurrogate;

import java.util.List;

/**
 * A method's within-task work for one policy class, in the garage shape (spec §3.1): collect a
 * round with π_φ → adapt θ = Alg(π_φ, τ) (keeping the solver state) → collect with π_θ → the task's
 * meta-gradient h = (∂θ/∂φ)ᵀ ∇_θ J. The same learner also runs the K-round meta-test (spec §2.6).
 * Implementations are immutable and thread-safe: units of one iteration run concurrently.
 */
public interface TaskLearner
{
    /** n, the length of φ. */
    int parameterCount();

    /**
     * Meta-training work for one task; randomness only from {@code stream}; every rollout presents
     * observations through {@code filter} (spec §5b), and under a frozen filter the outcome carries
     * the statistics of the raw observations the unit saw ({@link TrainOutcome#observed}).
     *
     * @throws IllegalArgumentException when {@code filter} does not fit {@link #observationFilter()}
     */
    TrainOutcome train(Task<?, ?> task, double[] phi, ObservationFilter filter, RandomSource stream, int iteration);

    /** {@link #train(Task, double[], ObservationFilter, RandomSource, int)} without an observation filter. */
    default TrainOutcome train(Task<?, ?> task, double[] phi, RandomSource stream, int iteration)
    {
        return train(task, phi, ObservationFilter.identity(), stream, iteration);
    }

    /**
     * π^(0) = π_φ, π^(k+1) = Alg(π^(k)) for k < K; the return at every step k = 0 … K. Every round
     * presents observations through {@code filter}, which stays fixed over the K rounds.
     */
    TestOutcome test(Task<?, ?> task, double[] phi, ObservationFilter filter, int rounds, RandomSource stream);

    /** {@link #test(Task, double[], ObservationFilter, int, RandomSource)} without an observation filter. */
    default TestOutcome test(Task<?, ?> task, double[] phi, int rounds, RandomSource stream)
    {
        return test(task, phi, ObservationFilter.identity(), rounds, stream);
    }

    /** The running observation filter of this learner's rollouts (spec §5b); none by default. */
    default Option<ObservationFilterSettings> observationFilter()
    {
        return Option.none();
    }

    /**
     * The filter's warm-up in one task (spec §5b): the statistics of the raw states of
     * {@code episodes} episodes of π_φ acting on raw observations; randomness only from {@code stream}.
     *
     * @throws UnsupportedOperationException when {@link #observationFilter()} is none
     */
    default ObservationStatistics observe(Task<?, ?> task, double[] phi, int episodes, RandomSource stream)
    {
        throw new UnsupportedOperationException("this learner has no observation filter (policy.observation_filter = none)");
    }

    /**
     * The iteration's outcomes after a step over the whole meta-batch (in task order), before they
     * are averaged into ĝ and the surrogate is built; the identity unless the algorithm needs the
     * batch (E-MAML standardises post-update returns over it, spec §7.3).
     */
    default List<TrainOutcome> prepare(List<TrainOutcome> outcomes)
    {
        return outcomes;
    }

    /** The surrogate of the outer step built from the iteration's outcomes (in task order), if the method has one. */
    default Option<MetaSurrogate> surrogate(double[] phi, List<TrainOutcome> outcomes)
    {
        return Option.none();
    }
}
