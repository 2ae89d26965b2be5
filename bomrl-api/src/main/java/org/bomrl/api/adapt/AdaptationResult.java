package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * θ = Alg(π_φ, τ) with what its solver knows, so that nothing is solved twice (spec §2.5): the
 * adapted parameters, the inner iterations taken, the distance D(θ, φ) reached and why the solver
 * stopped (e.g. {@code converged}, {@code iterations}, {@code distance > 3.0}). The array belongs
 * to the result and is not modified by readers.
 */
@Experimental(since = "0.2")
public record AdaptationResult(double[] theta, int iterations, double distance, String stop)
        implements Serializable
{
    public AdaptationResult
    {
        requireNonNull(theta, "theta is null");
        requireNonNull(stop, "stop is null");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations is negative: " + iterations);
        }
    }
}
