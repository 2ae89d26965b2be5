package org.bomrl.metrics.compare;

import org.bomrl.api.context.RandomSource;
import org.bomrl.numerics.optim.Adam;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The meta-parameter comparators' search (spec §1.3): their objectives are not concave, so Adam
 * ascends F from {@code restarts} starts, φ = 0 and {@code restarts − 1} starts with entries from
 * N(0, 1) out of {@code RandomSource.seeded(seed).derive(stream).derive(r)}, each for
 * {@code iterations} steps along ∇F; the start with the highest final F wins (ties to the
 * earliest). A local optimum in general; deterministic under the seed.
 */
final class RestartedAscent
{
    private RestartedAscent() {}

    /**
     * @param gradient ∇F(φ); may return the same buffer every call
     * @param failure names the comparator in the error of a failed step (followed by the start and step)
     * @throws ArithmeticException naming {@code failure}, the start and the step where the gradient or the Adam step failed
     */
    static double[] maximise(AscentSettings ascent, String stream, int size, ToDoubleFunction<double[]> objective, UnaryOperator<double[]> gradient, String failure)
    {
        RandomSource starts = RandomSource.seeded(ascent.seed()).derive(stream);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < ascent.restarts(); restart++) {
            double[] phi = new double[size];
            if (restart > 0) {
                SplittableRandom random = starts.derive(restart).generator();
                for (int i = 0; i < size; i++) {
                    phi[i] = random.nextGaussian();
                }
            }
            Adam adam = new Adam(size, ascent.learningRate());
            for (int step = 0; step < ascent.iterations(); step++) {
                try {
                    adam.step(phi, gradient.apply(phi));
                }
                catch (ArithmeticException e) {
                    throw new ArithmeticException(failure + ", start " + restart + ", ascent step " + step + ": " + e.getMessage());
                }
            }
            double value = objective.applyAsDouble(phi);
            if (value > bestValue) {
                bestValue = value;
                best = phi;
            }
        }
        return best;
    }
}
