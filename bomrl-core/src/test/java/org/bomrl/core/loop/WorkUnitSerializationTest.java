package org.bomrl.core.loop;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units and outcomes cross to cluster members by Java serialisation: a unit with its frozen
 * observation filter and an outcome with its raw statistics come back equal, and the filter adds
 * little more than its 2·d doubles to a unit (d = 111, the largest observation layout).
 */
final class WorkUnitSerializationTest
{
    private static final int DIMENSION = 111;
    /** Allowance for the filter's class descriptors, count and clip beyond its 2·d doubles. */
    private static final int OVERHEAD_BYTES = 600;

    @Test
    void unitsAndOutcomesRoundTripWithTheirFilterStatistics()
            throws IOException, ClassNotFoundException
    {
        double[] mean = new double[DIMENSION];
        double[] m2 = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            mean[i] = 0.1 * i - 3;
            m2[i] = 0.5 + i;
        }
        ObservationStatistics statistics = new ObservationStatistics(12_345, mean, m2);
        WorkUnit.Train plain = new WorkUnit.Train("alg1/meta-train", 3, 1, "v=0.5", new double[] {1, 2}, 42L);
        WorkUnit.Train filtered = new WorkUnit.Train("alg1/meta-train", 3, 1, "v=0.5", new double[] {1, 2}, 42L, new ObservationFilter.Frozen(5, statistics));

        WorkUnit.Train back = (WorkUnit.Train) roundTrip(filtered);
        assertThat(back.filter()).isEqualTo(filtered.filter());
        assertThat(((WorkUnit.Train) roundTrip(plain)).filter()).isEqualTo(ObservationFilter.identity());
        assertThat(bytes(filtered).length - bytes(plain).length).isLessThan(2 * DIMENSION * Double.BYTES + OVERHEAD_BYTES);

        TrainOutcome outcome = new TrainOutcome(new double[] {0.5}, -1, -0.5, null, Map.of("inner_steps", 5.0), Option.some(statistics));
        assertThat(((TrainOutcome) roundTrip(outcome)).observed()).isEqualTo(Option.some(statistics));
    }

    private static Object roundTrip(Object value)
            throws IOException, ClassNotFoundException
    {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes(value)))) {
            return in.readObject();
        }
    }

    private static byte[] bytes(Object value)
            throws IOException
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(value);
        }
        return out.toByteArray();
    }
}
