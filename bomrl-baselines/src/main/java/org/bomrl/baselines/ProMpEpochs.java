package org.bomrl.baselines;

import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.numerics.optim.Adam;

import java.util.Map;

/**
 * ProMP's outer step (spec §7.3): K epochs of Adam on the same samples, minimising
 * <pre>L(φ) = ℓ(φ) + η · KL̄(π_φo‖π_φ),   ∇L = ∇ℓ + η ∇KL̄</pre>
 * (ℓ = {@link MetaSurrogate#loss}, KL̄ = {@link MetaSurrogate#meanKl} on the pre-update states).
 * The adaptive rule, after the epochs with KL̄ at the new φ: η ← η/2 if KL̄ &lt; target/1.5,
 * η ← 2η if KL̄ &gt; 1.5·target. Adam's moments and step count persist across iterations (one
 * optimiser per run, as in the reference code). State: {@code firstMoment}, {@code secondMoment},
 * {@code steps}, {@code klPenalty}; restored bit for bit. Not thread-safe.
 */
final class ProMpEpochs
        implements OuterOptimizer
{
    private final int dimension;
    private final int epochs;
    private final double learningRate;
    private final boolean adaptive;
    private final double klTarget;
    private final double[] lossGradient;
    private final double[] klGradient;
    private final double[] descent;
    private Adam adam;
    private double klPenalty;

    /**
     * @param epochs K ≥ 1
     * @param klPenalty the initial (or fixed) η ≥ 0
     * @param adaptive whether η follows the halve/double rule around {@code klTarget} &gt; 0
     */
    ProMpEpochs(int dimension, int epochs, double learningRate, double klPenalty, boolean adaptive, double klTarget)
    {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1: " + epochs);
        }
        if (!(klPenalty >= 0) || Double.isInfinite(klPenalty)) {
            throw new IllegalArgumentException("KL penalty η must be non-negative and finite: " + klPenalty);
        }
        if (!(klTarget > 0) || Double.isInfinite(klTarget)) {
            throw new IllegalArgumentException("KL target must be positive and finite: " + klTarget);
        }
        this.dimension = dimension;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.adaptive = adaptive;
        this.klTarget = klTarget;
        this.klPenalty = klPenalty;
        this.adam = new Adam(dimension, learningRate);
        this.lossGradient = new double[dimension];
        this.klGradient = new double[dimension];
        this.descent = new double[dimension];
    }

    int epochs()
    {
        return epochs;
    }

    double learningRate()
    {
        return learningRate;
    }

    boolean adaptive()
    {
        return adaptive;
    }

    double klTarget()
    {
        return klTarget;
    }

    /** The current η. */
    double klPenalty()
    {
        return klPenalty;
    }

    @Override
    public void step(double[] phi, MetaStep step)
    {
        if (phi.length != dimension) {
            throw new IllegalArgumentException("φ has " + phi.length + " entries for an optimiser of dimension " + dimension);
        }
        MetaSurrogate surrogate = step.surrogate().getOrElseThrow(
                () -> new IllegalArgumentException("optimizer.promp-epochs needs the method's outer surrogate (ProMP's clipped objective); this meta-step has none"));
        for (int epoch = 0; epoch < epochs; epoch++) {
            surrogate.gradient(phi, lossGradient);
            surrogate.meanKlGradient(phi, klGradient);
            for (int i = 0; i < dimension; i++) {
                descent[i] = -(lossGradient[i] + klPenalty * klGradient[i]);
            }
            adam.step(phi, descent);
        }
        if (adaptive) {
            double kl = surrogate.meanKl(phi);
            if (kl < klTarget / 1.5) {
                klPenalty /= 2;
            }
            else if (kl > klTarget * 1.5) {
                klPenalty *= 2;
            }
        }
    }

    @Override
    public Map<String, double[]> state()
    {
        return Map.of("firstMoment", adam.firstMoment(), "secondMoment", adam.secondMoment(), "steps", new double[] {adam.steps()}, "klPenalty", new double[] {klPenalty});
    }

    @Override
    public void restore(Map<String, double[]> state)
    {
        double[] steps = entry(state, "steps", 1);
        double[] penalty = entry(state, "klPenalty", 1);
        if (!(penalty[0] >= 0) || Double.isInfinite(penalty[0])) {
            throw new IllegalArgumentException("optimizer state klPenalty must be non-negative and finite: " + penalty[0]);
        }
        adam = Adam.restore(dimension, learningRate, Adam.DEFAULT_BETA_ONE, Adam.DEFAULT_BETA_TWO, Adam.DEFAULT_EPSILON, entry(state, "firstMoment", dimension),
                entry(state, "secondMoment", dimension), (long) steps[0]);
        klPenalty = penalty[0];
    }

    private static double[] entry(Map<String, double[]> state, String key, int length)
    {
        double[] value = state.get(key);
        if (value == null || value.length != length) {
            throw new IllegalArgumentException("optimizer state '" + key + "' must have " + length + " values; found " + (value == null ? "none" : value.length)
                    + " (keys " + state.keySet() + ")");
        }
        return value.clone();
    }

    @Override
    public String toString()
    {
        return "ProMpEpochs[K=" + epochs + ", lr=" + learningRate + ", η=" + klPenalty + (adaptive ? ", adaptive around " + klTarget : ", fixed") + "]";
    }
}
