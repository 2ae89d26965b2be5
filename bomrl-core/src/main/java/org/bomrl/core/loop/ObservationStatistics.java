package org.bomrl.core.loop;

import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.ObservationNormaliser;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * The running statistics of raw observations per coordinate (spec §5b observation filter): the
 * count n, the mean m and M2 = Σ (x − m)². Two sets over disjoint samples {@link #merge merge}
 * exactly by the parallel-variance update (Chan, Golub &amp; LeVeque): n = n_a + n_b,
 * δ = m_b − m_a, m = m_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n; merging an empty set returns
 * the other unchanged. Immutable (arrays are copied in and out) and serialisable: it travels with
 * work units and their outcomes.
 */
public record ObservationStatistics(long count, double[] mean, double[] sumOfSquaredDeviations)
        implements Serializable
{
    public ObservationStatistics
    {
        requireNonNull(mean, "mean is null");
        requireNonNull(sumOfSquaredDeviations, "sumOfSquaredDeviations is null");
        if (mean.length < 1 || mean.length != sumOfSquaredDeviations.length) {
            throw new IllegalArgumentException("mean and M2 need one entry per observation coordinate: " + mean.length + " and " + sumOfSquaredDeviations.length);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative: " + count);
        }
        mean = mean.clone();
        sumOfSquaredDeviations = sumOfSquaredDeviations.clone();
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !(sumOfSquaredDeviations[i] >= 0) || Double.isInfinite(sumOfSquaredDeviations[i])) {
                throw new IllegalArgumentException("coordinate " + i + ": mean must be finite and M2 finite and non-negative: " + mean[i] + ", " + sumOfSquaredDeviations[i]);
            }
        }
        if (count == 0 && (java.util.Arrays.stream(mean).anyMatch(value -> value != 0) || java.util.Arrays.stream(sumOfSquaredDeviations).anyMatch(value -> value != 0))) {
            throw new IllegalArgumentException("empty statistics must have zero mean and M2");
        }
    }

    /** No observations of {@code dimension} coordinates. */
    public static ObservationStatistics empty(int dimension)
    {
        return new ObservationStatistics(0, new double[dimension], new double[dimension]);
    }

    /** The statistics a running filter has accumulated. */
    public static ObservationStatistics of(ObservationNormaliser filter)
    {
        return new ObservationStatistics(filter.count(), filter.mean(), filter.sumOfSquaredDeviations());
    }

    /**
     * The statistics of every state of {@code batch} as an environment returned them (the batch must
     * hold raw observations): per episode e its rows' observations in time order, then its final
     * observation, pushed one by one (Welford); the episodes merged in order.
     */
    public static ObservationStatistics ofBatch(TrajectoryBatch batch)
    {
        int dimension = batch.observationDimension();
        double[] observations = batch.observations();
        double[] finals = batch.finalObservations();
        double[] row = new double[dimension];
        ObservationStatistics result = empty(dimension);
        for (int e = 0; e < batch.episodes(); e++) {
            ObservationNormaliser episode = new ObservationNormaliser(dimension);
            for (int i = batch.episodeStart(e); i < batch.episodeStart(e + 1); i++) {
                System.arraycopy(observations, i * dimension, row, 0, dimension);
                episode.push(row);
            }
            System.arraycopy(finals, e * dimension, row, 0, dimension);
            episode.push(row);
            result = result.merge(of(episode));
        }
        return result;
    }

    /** The number of observation coordinates. */
    public int dimension()
    {
        return mean.length;
    }

    @Override
    public double[] mean()
    {
        return mean.clone();
    }

    @Override
    public double[] sumOfSquaredDeviations()
    {
        return sumOfSquaredDeviations.clone();
    }

    /** The statistics of the union of this sample and {@code other}'s (the parallel-variance update). */
    public ObservationStatistics merge(ObservationStatistics other)
    {
        requireNonNull(other, "other is null");
        if (other.dimension() != dimension()) {
            throw new IllegalArgumentException("cannot merge statistics of " + other.dimension() + " coordinates into " + dimension());
        }
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double[] m = new double[dimension()];
        double[] m2 = new double[dimension()];
        double weight = (double) count * other.count / n;
        for (int i = 0; i < m.length; i++) {
            double delta = other.mean[i] - mean[i];
            m[i] = mean[i] + delta * other.count / n;
            m2[i] = sumOfSquaredDeviations[i] + other.sumOfSquaredDeviations[i] + delta * delta * weight;
        }
        return new ObservationStatistics(n, m, m2);
    }

    /** A normaliser clipping at ±{@code clip} that starts from these statistics (spec §5b: clip((x − m)/(s + ε), ±c)). */
    public ObservationNormaliser normaliser(double clip)
    {
        return ObservationNormaliser.restore(dimension(), clip, count, mean, sumOfSquaredDeviations);
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof ObservationStatistics that && count == that.count && java.util.Arrays.equals(mean, that.mean)
                && java.util.Arrays.equals(sumOfSquaredDeviations, that.sumOfSquaredDeviations);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * Long.hashCode(count) + java.util.Arrays.hashCode(mean)) + java.util.Arrays.hashCode(sumOfSquaredDeviations);
    }

    @Override
    public String toString()
    {
        return "ObservationStatistics[n=" + count + ", mean=" + java.util.Arrays.toString(mean) + ", M2=" + java.util.Arrays.toString(sumOfSquaredDeviations) + "]";
    }
}
