package org.bomrl.core.rollout;

import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

import java.util.SplittableRandom;

/**
 * One estimated round (spec §5a {@code sample_trajectorie}, §7.1 step 2): {@code episodes}
 * episodes of at most {@code horizon} steps with π; after every transition Q̂ is updated by
 * expected-SARSA TD(0),
 * <pre>Q̂(s,a) ← Q̂(s,a) + β (r + γ Σ_b π(b|s') Q̂(s',b) − Q̂(s,a)),</pre>
 * without bootstrapping on termination; Q̂ starts at 0 and carries over between episodes. The
 * visitation is ν(s) ∝ Σ_episodes Σ_{i=0}^{H} γ^i 1[s_i = s] (the final state included, as in
 * the paper's code) and the return is the mean over episodes of Σ_i γ^i r_i.
 *
 * <p>Episode e resets the environment with seed {@code random.derive(e).seed()} and samples
 * actions from {@code random.derive(e).generator()}, so a round depends only on its random source.
 */
public final class TemporalDifferenceRound
{
    private final int episodes;
    private final int horizon;
    private final double gamma;
    private final double beta;

    /**
     * @param beta TD step size β ∈ (0, 1]
     */
    public TemporalDifferenceRound(int episodes, int horizon, double gamma, double beta)
    {
        if (episodes < 1 || horizon < 1) {
            throw new IllegalArgumentException("episodes and horizon must be positive: " + episodes + ", " + horizon);
        }
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("TD step size must be in (0, 1]: " + beta);
        }
        this.episodes = episodes;
        this.horizon = horizon;
        this.gamma = gamma;
        this.beta = beta;
    }

    /** Collects one round with {@code policy} in {@code environment} (which this call resets). */
    public TabularRound collect(Environment<Integer, Integer> environment, TabularSoftmaxPolicy policy, RandomSource random)
    {
        int states = policy.states();
        int actions = policy.actions();
        double[] q = new double[states * actions];
        double[] visitation = new double[states];
        double[] pi = policy.probabilities();
        double returns = 0;
        for (int episode = 0; episode < episodes; episode++) {
            RandomSource stream = random.derive(episode);
            SplittableRandom generator = stream.generator();
            int state = environment.reset(stream.seed());
            double discount = 1;
            double episodeReturn = 0;
            for (int i = 0; i < horizon; i++) {
                visitation[state] += discount;
                int action = policy.sample(state, generator);
                Step<Integer> step = environment.step(action);
                int next = step.observation();
                double target = step.reward();
                if (!step.terminated()) {
                    target += gamma * expectedValue(q, pi, next, actions);
                }
                int sa = state * actions + action;
                q[sa] += beta * (target - q[sa]);
                episodeReturn += discount * step.reward();
                discount *= gamma;
                state = next;
                if (step.done()) {
                    break;
                }
            }
            visitation[state] += discount;
            returns += episodeReturn;
        }
        normalise(visitation);
        return new TabularRound(states, actions, q, visitation, returns / episodes, episodes);
    }

    private static double expectedValue(double[] q, double[] pi, int state, int actions)
    {
        double value = 0;
        int base = state * actions;
        for (int a = 0; a < actions; a++) {
            value += pi[base + a] * q[base + a];
        }
        return value;
    }

    private static void normalise(double[] values)
    {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
    }
}
