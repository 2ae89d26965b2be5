package org.bomrl.numerics.optim;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a {@link ConjugateGradient} solve.
 *
 * @param x the last accepted iterate (x₀ = 0); the solution when {@code converged}
 * @param iterations the number of completed CG updates of x
 * @param residualNorm ‖b − (A + δI)x‖₂ of {@code x} (the recursively updated residual)
 * @param termination why the iteration stopped
 * @param negativeCurvatureSteps the updates taken along directions with pᵀ(A + δI)p &lt; 0 (only when the solve was asked to go on through them)
 */
public record ConjugateGradientResult(double[] x, int iterations, double residualNorm, Termination termination, int negativeCurvatureSteps)
{
    /** Why conjugate gradient stopped. */
    public enum Termination
    {
        /** ‖r‖₂ reached the tolerance. */
        CONVERGED,
        /** The iteration budget ran out first; x is the last iterate. */
        MAX_ITERATIONS,
        /** A search direction had pᵀ(A + δI)p ≤ 0: the operator is not positive definite; x is the iterate before it. */
        NEGATIVE_CURVATURE
    }

    public ConjugateGradientResult
    {
        requireNonNull(x, "x is null");
        requireNonNull(termination, "termination is null");
        if (negativeCurvatureSteps < 0 || negativeCurvatureSteps > iterations) {
            throw new IllegalArgumentException("negativeCurvatureSteps must be in [0, iterations]: " + negativeCurvatureSteps);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be non-negative: " + iterations);
        }
    }

    /** A result without steps along negative curvature. */
    public ConjugateGradientResult(double[] x, int iterations, double residualNorm, Termination termination)
    {
        this(x, iterations, residualNorm, termination, 0);
    }

    public boolean converged()
    {
        return termination == Termination.CONVERGED;
    }
}
