package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.core.loop.ObservationFilter;
import org.bomrl.core.loop.TaskLearner;
import org.bomrl.core.loop.TestOutcome;
import org.bomrl.core.loop.TrainOutcome;

/**
 * The tabular-softmax learner (spec §3.1, §3.7, §5a): a round of data is TD-estimated Q̂ and ν
 * (or exact Q and ν in exact mode, {@link Rounds}); θ = Alg(π_φ, round); g = ∇_θ J at π_θ from a
 * fresh round (or exactly); h = (∂θ/∂φ)ᵀ g from the algorithm. The meta-test reports each round's
 * mean return and the exact J_τ(π^(k)) from the task's model. Stateless and thread-safe.
 */
public final class TabularLearner
        implements TaskLearner
{
    private final TabularAdaptation algorithm;
    private final Rounds rounds;
    private final int states;
    private final int actions;

    public TabularLearner(TabularAdaptation algorithm, Rounds rounds, int states, int actions)
    {
        this.algorithm = algorithm;
        this.rounds = rounds;
        this.states = states;
        this.actions = actions;
    }

    @Override
    public int parameterCount()
    {
        return states * actions;
    }

    @Override
    public TrainOutcome train(Task<?, ?> task, double[] phi, ObservationFilter filter, RandomSource stream, int iteration)
    {
        requireIdentity(filter, task);
        Task<Integer, Integer> tabularTask = tabular(task);
        TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(states, actions, phi);
        TabularRound round = rounds.collect(tabularTask, prior, stream.derive("prior"));
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
        Rounds.Gradient gradient = rounds.gradient(tabularTask, adapted, stream.derive("adapted"));
        double[] hypergradient = algorithm.hypergradient(prior, adapted, round, gradient.gradient());
        for (int i = 0; i < hypergradient.length; i++) {
            if (!Double.isFinite(hypergradient[i])) {
                throw new ArithmeticException("meta-training, meta-iteration " + iteration + ", task " + task.id() + ": hypergradient entry (s=" + i / actions + ", a="
                        + i % actions + ") is " + hypergradient[i]);
            }
        }
        return new TrainOutcome(hypergradient, round.meanReturn(), gradient.meanReturn(), null);
    }

    @Override
    public TestOutcome test(Task<?, ?> task, double[] phi, ObservationFilter filter, int adaptationRounds, RandomSource stream)
    {
        requireIdentity(filter, task);
        Task<Integer, Integer> tabularTask = tabular(task);
        double[] returns = new double[adaptationRounds + 1];
        double[] exact = new double[adaptationRounds + 1];
        TabularSoftmaxPolicy policy = TabularSoftmaxPolicy.of(states, actions, phi);
        for (int k = 0; k <= adaptationRounds; k++) {
            TabularRound round = rounds.collect(tabularTask, policy, stream.derive(k));
            returns[k] = round.meanReturn();
            exact[k] = Rounds.exactReturn(tabularTask, policy);
            if (k < adaptationRounds) {
                policy = algorithm.adapt(policy, round);
            }
        }
        return new TestOutcome(returns, exact);
    }

    private static void requireIdentity(ObservationFilter filter, Task<?, ?> task)
    {
        if (!(filter instanceof ObservationFilter.Identity)) {
            throw new IllegalArgumentException("task " + task.id() + ": tabular policies observe state indices; an observation filter does not apply");
        }
    }

    @SuppressWarnings("unchecked")
    private static Task<Integer, Integer> tabular(Task<?, ?> task)
    {
        if (task.exactModel().isEmpty()) {
            throw new IllegalArgumentException("task " + task.id() + " exposes no exact tabular model; the tabular learner needs one");
        }
        return (Task<Integer, Integer>) task;
    }
}
