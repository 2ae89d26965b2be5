package org.bomrl.numerics.neural;

import static java.util.Objects.requireNonNull;

/**
 * Running mean/std observation filter (spec §5b, the classic ZFilter): every observed state is
 * {@link #push pushed} (Welford's update n ← n+1, δ = x − m, m ← m + δ/n, M2 ← M2 + δ(x − m)), and
 * {@link #normalise} maps x to clip((x − m)/(s + ε), −c, c) per coordinate with ε = {@value #EPSILON}
 * (the std floor: a coordinate that never varies maps to (x − m)/1e-8, then the clip) and c = 5
 * by default. The std is the sample std s = √(M2/(n−1)) for n ≥ 2; as in the ZFilter it is |m|
 * for n = 1 and 0 for n = 0 (where m = 0). The state (n, m, M2) is exported by {@link #count},
 * {@link #mean} and {@link #sumOfSquaredDeviations} and {@link #restore restored} bit for bit.
 *
 * <p>Not thread-safe: the caller owns an instance (a rollout worker pushes, then normalises).
 */
public final class ObservationNormaliser
{
    public static final double DEFAULT_CLIP = 5;
    public static final double EPSILON = 1e-8;

    private final int dimension;
    private final double clip;
    private final double[] mean;
    private final double[] m2;
    private long count;

    /** An empty filter clipping at ±{@value #DEFAULT_CLIP}. */
    public ObservationNormaliser(int dimension)
    {
        this(dimension, DEFAULT_CLIP);
    }

    /** An empty filter clipping at ±{@code clip}. */
    public ObservationNormaliser(int dimension, double clip)
    {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be positive (or +Infinity for none): " + clip);
        }
        this.dimension = dimension;
        this.clip = clip;
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
    }

    /** A filter continuing from exported state (arrays copied). */
    public static ObservationNormaliser restore(int dimension, double clip, long count, double[] mean, double[] sumOfSquaredDeviations)
    {
        requireNonNull(mean, "mean is null");
        requireNonNull(sumOfSquaredDeviations, "sumOfSquaredDeviations is null");
        ObservationNormaliser filter = new ObservationNormaliser(dimension, clip);
        if (mean.length != dimension || sumOfSquaredDeviations.length != dimension) {
            throw new IllegalArgumentException("state must have " + dimension + " entries: mean " + mean.length + ", M2 " + sumOfSquaredDeviations.length);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative: " + count);
        }
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] is not finite: " + mean[i]);
            }
            if (!(sumOfSquaredDeviations[i] >= 0) || Double.isInfinite(sumOfSquaredDeviations[i])) {
                throw new IllegalArgumentException("M2[" + i + "] must be finite and non-negative: " + sumOfSquaredDeviations[i]);
            }
        }
        System.arraycopy(mean, 0, filter.mean, 0, dimension);
        System.arraycopy(sumOfSquaredDeviations, 0, filter.m2, 0, dimension);
        filter.count = count;
        return filter;
    }

    /** Adds one observation (not modified) to the running statistics. */
    public void push(double[] observation)
    {
        checkLength(observation, "observation");
        count++;
        for (int i = 0; i < dimension; i++) {
            double x = observation[i];
            double delta = x - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x - mean[i]);
        }
    }

    /** out = clip((in − m)/(s + ε), ±clip); {@code in} is not modified and may be {@code out}. */
    public void normalise(double[] in, double[] out)
    {
        checkLength(in, "in");
        checkLength(out, "out");
        for (int i = 0; i < dimension; i++) {
            double z = (in[i] - mean[i]) / (std(i) + EPSILON);
            out[i] = Math.max(-clip, Math.min(clip, z));
        }
    }

    public int dimension()
    {
        return dimension;
    }

    public double clip()
    {
        return clip;
    }

    /** n, the number of observations pushed. */
    public long count()
    {
        return count;
    }

    /** A copy of the running mean m. */
    public double[] mean()
    {
        return mean.clone();
    }

    /** A copy of M2 = Σ (x − m)², the Welford accumulator. */
    public double[] sumOfSquaredDeviations()
    {
        return m2.clone();
    }

    /** The std s used by {@link #normalise} (a new array). */
    public double[] std()
    {
        double[] s = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            s[i] = std(i);
        }
        return s;
    }

    private double std(int i)
    {
        if (count >= 2) {
            return Math.sqrt(m2[i] / (count - 1));
        }
        return Math.abs(mean[i]);
    }

    private void checkLength(double[] x, String name)
    {
        requireNonNull(x, name + " is null");
        if (x.length != dimension) {
            throw new IllegalArgumentException(name + " must have " + dimension + " entries: " + x.length);
        }
    }
}
