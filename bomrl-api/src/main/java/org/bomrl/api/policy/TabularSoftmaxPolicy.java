package org.bomrl.api.policy;

import org.bomrl.api.Experimental;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Tabular softmax policy π_θ(a|s) = exp θ_{s,a} / Σ_b exp θ_{s,b} (spec §2.4), θ ∈ R^{|S|×|A|}
 * stored row-major at index {@code s·|A| + a}. Immutable; probabilities are computed once.
 */
@Experimental(since = "0.1")
public final class TabularSoftmaxPolicy
{
    private final int states;
    private final int actions;
    private final double[] logits;
    private final double[] probabilities;

    private TabularSoftmaxPolicy(int states, int actions, double[] logits)
    {
        if (states < 1 || actions < 1 || logits.length != states * actions) {
            throw new IllegalArgumentException("logits must have |S|·|A| = " + states + "·" + actions + " entries: " + logits.length);
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException("logit θ[s=" + i / actions + ", a=" + i % actions + "] is not finite: " + logits[i]);
            }
        }
        this.states = states;
        this.actions = actions;
        this.logits = logits;
        this.probabilities = new double[logits.length];
        softmax(logits, probabilities, states, actions);
    }

    /** The policy with logits θ (copied). */
    public static TabularSoftmaxPolicy of(int states, int actions, double[] logits)
    {
        return new TabularSoftmaxPolicy(states, actions, logits.clone());
    }

    /** The policy with every logit equal to {@code value}: uniform over actions. */
    public static TabularSoftmaxPolicy constant(int states, int actions, double value)
    {
        double[] logits = new double[states * actions];
        Arrays.fill(logits, value);
        return new TabularSoftmaxPolicy(states, actions, logits);
    }

    /** The policy with logits log p (p clipped below at {@code floor} to keep logits finite). */
    public static TabularSoftmaxPolicy fromProbabilities(int states, int actions, double[] probabilities, double floor)
    {
        double[] logits = new double[probabilities.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.log(Math.max(probabilities[i], floor));
        }
        return new TabularSoftmaxPolicy(states, actions, logits);
    }

    /**
     * Row-wise softmax, numerically stable (max subtracted).
     *
     * @param logits not modified
     * @param out modified: π(a|s) at {@code s·|A| + a}
     */
    public static void softmax(double[] logits, double[] out, int states, int actions)
    {
        for (int s = 0; s < states; s++) {
            int base = s * actions;
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                max = Math.max(max, logits[base + a]);
            }
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                out[base + a] = Math.exp(logits[base + a] - max);
                sum += out[base + a];
            }
            for (int a = 0; a < actions; a++) {
                out[base + a] /= sum;
            }
        }
    }

    public int states()
    {
        return states;
    }

    public int actions()
    {
        return actions;
    }

    /** θ_{s,a}. */
    public double logit(int state, int action)
    {
        return logits[state * actions + action];
    }

    /** π(a|s). */
    public double probability(int state, int action)
    {
        return probabilities[state * actions + action];
    }

    /** A copy of θ. */
    public double[] logits()
    {
        return logits.clone();
    }

    /** A copy of π as an |S|×|A| row-major array. */
    public double[] probabilities()
    {
        return probabilities.clone();
    }

    /** Draws a ∼ π(·|s) by inversion with one uniform from {@code random}. */
    public int sample(int state, RandomGenerator random)
    {
        double u = random.nextDouble();
        int base = state * actions;
        double cumulative = 0;
        for (int a = 0; a < actions - 1; a++) {
            cumulative += probabilities[base + a];
            if (u < cumulative) {
                return a;
            }
        }
        return actions - 1;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TabularSoftmaxPolicy p && states == p.states && actions == p.actions && Arrays.equals(logits, p.logits);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(logits);
    }

    @Override
    public String toString()
    {
        return "TabularSoftmaxPolicy[|S|=" + states + ", |A|=" + actions + "]";
    }
}
