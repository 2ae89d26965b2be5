package org.bomrl.numerics.optim;

import static java.util.Objects.requireNonNull;

/**
 * Adam (Kingma &amp; Ba 2015) for gradient <em>ascent</em> (spec §2.5, §3.1): at step t,
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², x ← x + η m̂/(√v̂ + ε) with bias-corrected
 * m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), evaluated in PyTorch's order
 * (x += (η/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε)). The state (m, v, t) can be exported and
 * {@link #restore restored} for checkpoints; a restored optimiser continues bit for bit.
 * Not thread-safe.
 */
public final class Adam
{
    public static final double DEFAULT_BETA_ONE = 0.9;
    public static final double DEFAULT_BETA_TWO = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double betaOne;
    private final double betaTwo;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private long t;

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(int dimension, double learningRate)
    {
        this(dimension, learningRate, DEFAULT_BETA_ONE, DEFAULT_BETA_TWO, DEFAULT_EPSILON);
    }

    public Adam(int dimension, double learningRate, double betaOne, double betaTwo, double epsilon)
    {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite: " + learningRate);
        }
        if (!(betaOne >= 0 && betaOne < 1)) {
            throw new IllegalArgumentException("β₁ must be in [0, 1): " + betaOne);
        }
        if (!(betaTwo >= 0 && betaTwo < 1)) {
            throw new IllegalArgumentException("β₂ must be in [0, 1): " + betaTwo);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("ε must be positive and finite: " + epsilon);
        }
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
        this.m = new double[dimension];
        this.v = new double[dimension];
    }

    /**
     * An optimiser continuing from exported state (m, v copied).
     *
     * @param steps the number of steps already taken, t ≥ 0
     */
    public static Adam restore(int dimension, double learningRate, double betaOne, double betaTwo, double epsilon,
            double[] firstMoment, double[] secondMoment, long steps)
    {
        requireNonNull(firstMoment, "firstMoment is null");
        requireNonNull(secondMoment, "secondMoment is null");
        Adam adam = new Adam(dimension, learningRate, betaOne, betaTwo, epsilon);
        if (firstMoment.length != dimension || secondMoment.length != dimension) {
            throw new IllegalArgumentException("moments must have " + dimension + " entries: m " + firstMoment.length
                    + ", v " + secondMoment.length);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be non-negative: " + steps);
        }
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(firstMoment[i])) {
                throw new IllegalArgumentException("m[" + i + "] is not finite: " + firstMoment[i]);
            }
            if (!(secondMoment[i] >= 0) || Double.isInfinite(secondMoment[i])) {
                throw new IllegalArgumentException("v[" + i + "] must be non-negative and finite: " + secondMoment[i]);
            }
        }
        System.arraycopy(firstMoment, 0, adam.m, 0, dimension);
        System.arraycopy(secondMoment, 0, adam.v, 0, dimension);
        adam.t = steps;
        return adam;
    }

    /**
     * One ascent step: x ← x + η m̂/(√v̂ + ε). Nothing is modified if the gradient is rejected.
     *
     * @param x modified in place
     * @param gradient ∇f(x), not modified
     * @throws ArithmeticException if a gradient entry is NaN or infinite (names the index and step)
     */
    public void step(double[] x, double[] gradient)
    {
        requireNonNull(x, "x is null");
        requireNonNull(gradient, "gradient is null");
        if (x.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("x and gradient must have " + m.length + " entries: " + x.length + ", " + gradient.length);
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new ArithmeticException("Adam step " + (t + 1) + ": gradient[" + i + "] is not finite: " + gradient[i]);
            }
        }
        t++;
        double biasOne = 1 - Math.pow(betaOne, t);
        double sqrtBiasTwo = Math.sqrt(1 - Math.pow(betaTwo, t));
        double stepSize = learningRate / biasOne;
        for (int i = 0; i < x.length; i++) {
            double g = gradient[i];
            m[i] = betaOne * m[i] + (1 - betaOne) * g;
            v[i] = betaTwo * v[i] + (1 - betaTwo) * g * g;
            x[i] += stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBiasTwo + epsilon);
        }
    }

    /** A copy of the first moment m. */
    public double[] firstMoment()
    {
        return m.clone();
    }

    /** A copy of the second moment v. */
    public double[] secondMoment()
    {
        return v.clone();
    }

    /** The number of steps taken, t. */
    public long steps()
    {
        return t;
    }

    public int dimension()
    {
        return m.length;
    }

    public double learningRate()
    {
        return learningRate;
    }

    public double betaOne()
    {
        return betaOne;
    }

    public double betaTwo()
    {
        return betaTwo;
    }

    public double epsilon()
    {
        return epsilon;
    }
}
