package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.PolicyEvaluation;

/**
 * Where a tabular round's data come from in this run: estimated (spec §5a) or exact. Stateless and
 * thread-safe; environments and evaluation buffers are created per call.
 */
public final class Rounds
{
    private final RoundMode mode;
    private final int episodes;
    private final double tdStep;

    public Rounds(RoundMode mode, int episodes, double tdStep)
    {
        this.mode = mode;
        this.episodes = episodes;
        this.tdStep = tdStep;
    }

    public RoundMode mode()
    {
        return mode;
    }

    /** One round of data for {@code policy} in {@code task}. */
    public TabularRound collect(Task<Integer, Integer> task, TabularSoftmaxPolicy policy, RandomSource random)
    {
        TabularMdp mdp = model(task);
        if (mode == RoundMode.EXACT) {
            return ExactRound.of(mdp, policy);
        }
        if (!mdp.finiteHorizon()) {
            throw new IllegalArgumentException("task " + task.id() + " has an infinite horizon; estimated rounds need episodes of finite length");
        }
        try (Environment<Integer, Integer> environment = task.newEnvironment()) {
            return new TemporalDifferenceRound(episodes, mdp.horizon(), mdp.gamma(), tdStep).collect(environment, policy, random);
        }
    }

    /**
     * The meta-gradient signal g = ∇_θ J at the adapted policy: exact (PolicyEvaluation) or
     * estimated from a fresh round with {@code policy} (spec §3.7); also returns that round's return.
     */
    public Gradient gradient(Task<Integer, Integer> task, TabularSoftmaxPolicy policy, RandomSource random)
    {
        TabularMdp mdp = model(task);
        if (mode == RoundMode.EXACT) {
            PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
            double[] probabilities = policy.probabilities();
            return new Gradient(evaluation.softmaxGradient(probabilities), evaluation.evaluate(probabilities).value());
        }
        TabularRound round = collect(task, policy, random);
        return new Gradient(PolicyGradientEstimate.of(policy, round), round.meanReturn());
    }

    /** J_τ(π) exactly, from the task's model. */
    public static double exactReturn(Task<Integer, Integer> task, TabularSoftmaxPolicy policy)
    {
        return new PolicyEvaluation(model(task)).evaluate(policy.probabilities()).value();
    }

    static TabularMdp model(Task<Integer, Integer> task)
    {
        return task.exactModel().getOrElseThrow(() -> new IllegalArgumentException("task " + task.id() + " exposes no exact tabular model"));
    }

    /** g and the return of the policy it was computed at. */
    public record Gradient(double[] gradient, double meanReturn) {}
}
