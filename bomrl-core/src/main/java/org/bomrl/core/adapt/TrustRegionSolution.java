package org.bomrl.core.adapt;

import static java.util.Objects.requireNonNull;

/**
 * The solution of the trust-region lower level (spec §2.7).
 *
 * @param theta the adapted logits θ*
 * @param mu the multiplier μ* of D ≤ δ; 0 when the constraint is inactive
 * @param constraintValue D(θ*) = Σ_s ν(s) d(θ*_s, φ_s)
 * @param active whether D ≤ δ binds (μ* &gt; 0); when false θ* only approximates the unconstrained
 *        (greedy) maximiser of S, see {@link TrustRegionSolver}
 */
record TrustRegionSolution(double[] theta, double mu, double constraintValue, boolean active)
{
    TrustRegionSolution
    {
        requireNonNull(theta, "theta is null");
        if (!(mu >= 0)) {
            throw new IllegalArgumentException("mu must be non-negative: " + mu);
        }
    }
}
