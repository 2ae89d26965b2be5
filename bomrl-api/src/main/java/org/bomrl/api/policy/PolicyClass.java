package org.bomrl.api.policy;

import org.bomrl.api.Experimental;
import org.bomrl.api.context.RandomSource;

import java.util.SplittableRandom;

/**
 * A parametric policy family π_θ(a|s) whose members are flat parameter vectors θ ∈ R^n (tabular
 * softmax, Gaussian MLP, a plugin's own). The class knows how to sample and how to give
 * log-probabilities; {@link DifferentiablePolicy} adds derivatives. Observations and actions are
 * {@code double[]} (a discrete one is its index in a one-element array). Implementations are
 * immutable and thread-safe; they keep no per-call state in fields.
 */
@Experimental(since = "0.2")
public interface PolicyClass
{
    /** Short name for reports, e.g. {@code gaussian-mlp(128,128,tanh)}. */
    String name();

    /** n, the length of θ. */
    int parameterCount();

    int observationDimension();

    int actionDimension();

    /** θ₀, the initial parameters (spec §5b initialisation), drawn from {@code random} only. */
    double[] initialParameters(RandomSource random);

    /**
     * Draws a ∼ π_θ(·|s) using {@code random} only and writes it to {@code action}; returns
     * log π_θ(a|s).
     */
    double sample(double[] theta, double[] observation, SplittableRandom random, double[] action);

    /** log π_θ(a|s). */
    double logProbability(double[] theta, double[] observation, double[] action);
}
