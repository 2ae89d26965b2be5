package org.bomrl.numerics.optim;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one {@link TrustRegionStep}.
 *
 * @param outcome what happened
 * @param parameters φ + fraction·full step when {@code outcome} is {@link Outcome#ACCEPTED}, empty otherwise
 * @param fullStep s·√(2δ / sᵀFs), the step at fraction 1 (all zeros when no direction was found)
 * @param acceptedFraction shrink^k of the accepted trial, 0 when none was accepted
 * @param trials the number of trial points whose loss was evaluated
 * @param expectedImprovement (−∇ℓ·full)·fraction of the accepted trial, or of the last one tried (NaN when none was tried)
 * @param actualImprovement ℓ(φ) − ℓ(trial) of the same trial (NaN when none was tried or its loss was not finite)
 * @param curvature sᵀ(F + damping·I)s of the CG solution s
 * @param conjugateGradient the solve of (F + damping·I)s = −∇ℓ, with its termination (negative curvature included)
 */
public record TrustRegionStepResult(Outcome outcome, Optional<double[]> parameters, double[] fullStep, double acceptedFraction, int trials,
        double expectedImprovement, double actualImprovement, double curvature, ConjugateGradientResult conjugateGradient)
{
    /** Why the step ended as it did. */
    public enum Outcome
    {
        /** A trial improved the loss by more than the accept ratio times the expected improvement. */
        ACCEPTED,
        /** Every backtracking trial failed the acceptance test; the parameters stay at φ. */
        NO_IMPROVEMENT,
        /** ∇ℓ = 0: there is no descent direction; the parameters stay at φ. */
        ZERO_GRADIENT,
        /** CG met pᵀ(F + damping·I)p ≤ 0, or sᵀ(F + damping·I)s ≤ 0: F is not positive definite (add damping, spec §7.4); no step. */
        NEGATIVE_CURVATURE
    }

    public TrustRegionStepResult
    {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(fullStep, "fullStep is null");
        requireNonNull(conjugateGradient, "conjugateGradient is null");
        if (parameters.isPresent() != (outcome == Outcome.ACCEPTED)) {
            throw new IllegalArgumentException("parameters must be present exactly when the step was accepted: outcome " + outcome);
        }
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be non-negative: " + trials);
        }
        if (!(acceptedFraction >= 0 && acceptedFraction <= 1)) {
            throw new IllegalArgumentException("acceptedFraction must be in [0, 1]: " + acceptedFraction);
        }
    }

    public boolean accepted()
    {
        return outcome == Outcome.ACCEPTED;
    }
}
