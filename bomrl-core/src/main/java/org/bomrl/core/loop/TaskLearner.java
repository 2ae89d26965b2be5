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

    /** Meta-training work for one task; randomness only from {@code stream}. */
    TrainOutcome train(Task<?, ?> task, double[] phi, RandomSource stream, int iteration);

    /** π^(0) = π_φ, π^(k+1) = Alg(π^(k)) for k < K; the return at every step k = 0 … K. */
    TestOutcome test(Task<?, ?> task, double[] phi, int rounds, RandomSource stream);

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
