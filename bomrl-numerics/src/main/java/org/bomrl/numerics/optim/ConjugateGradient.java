package org.bomrl.numerics.optim;

import static java.util.Objects.requireNonNull;

/**
 * Conjugate gradient for (A + δI) x = b with A symmetric positive definite and given only as a
 * matrix-vector product (spec §3.5 steps 6 and 8, §7.4): x₀ = 0, r₀ = p₀ = b, and for k = 0, 1, …
 * α = rᵀr / pᵀ(A+δI)p, x ← x + αp, r ← r − α(A+δI)p, p ← r + (r_newᵀr_new / rᵀr) p, until
 * ‖r‖₂ ≤ tolerance or the iteration budget is spent.
 *
 * <p>The tolerance is on the residual norm ‖r‖₂, not on rᵀr: the authors' code stops at
 * rᵀr &lt; 1e-10, i.e. ‖r‖₂ &lt; 1e-5. Running out of iterations (the authors use 10) and meeting
 * negative curvature pᵀ(A+δI)p ≤ 0 are reported in the result, never hidden; NaN or infinite
 * values throw {@link ArithmeticException}. Holds work buffers: not thread-safe.
 */
public final class ConjugateGradient
{
    private final int dimension;
    private final int maxIterations;
    private final double tolerance;
    private final double damping;
    private final double[] r;
    private final double[] p;
    private final double[] ap;

    /**
     * @param maxIterations at least 1
     * @param tolerance on ‖r‖₂, non-negative
     * @param damping δ ≥ 0 added to the operator's diagonal (0: none, as the authors)
     */
    public ConjugateGradient(int dimension, int maxIterations, double tolerance, double damping)
    {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be non-negative and finite: " + tolerance);
        }
        if (!(damping >= 0) || Double.isInfinite(damping)) {
            throw new IllegalArgumentException("damping must be non-negative and finite: " + damping);
        }
        this.dimension = dimension;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.damping = damping;
        this.r = new double[dimension];
        this.p = new double[dimension];
        this.ap = new double[dimension];
    }

    /**
     * Solves (A + δI) x = b from x₀ = 0. Returns a new x in the result.
     *
     * @param b not modified
     * @throws ArithmeticException if b, a product A p or an iterate is not finite (names the iteration)
     */
    public ConjugateGradientResult solve(LinearOperator a, double[] b)
    {
        return solve(a, b, true);
    }

    /**
     * As {@link #solve(LinearOperator, double[])}, but when {@code stopAtNegativeCurvature} is false
     * the plain recurrence goes on through directions with pᵀ(A + δI)p &lt; 0 (α &lt; 0), as the
     * authors' code does (spec §3.5 step 6), counting them in the result; pᵀ(A + δI)p = 0 still stops.
     */
    public ConjugateGradientResult solve(LinearOperator a, double[] b, boolean stopAtNegativeCurvature)
    {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        if (b.length != dimension) {
            throw new IllegalArgumentException("b must have " + dimension + " entries: " + b.length);
        }
        double[] x = new double[dimension];
        System.arraycopy(b, 0, r, 0, dimension);
        System.arraycopy(b, 0, p, 0, dimension);
        double rr = dot(r, r);
        if (!Double.isFinite(rr)) {
            throw new ArithmeticException("conjugate gradient: right-hand side is not finite (‖b‖² = " + rr + ")");
        }
        if (Math.sqrt(rr) <= tolerance) {
            return new ConjugateGradientResult(x, 0, Math.sqrt(rr), ConjugateGradientResult.Termination.CONVERGED);
        }
        int negativeSteps = 0;
        for (int k = 0; k < maxIterations; k++) {
            a.apply(p, ap);
            for (int i = 0; i < dimension; i++) {
                ap[i] += damping * p[i];
            }
            double curvature = dot(p, ap);
            if (Double.isNaN(curvature) || Double.isInfinite(curvature)) {
                throw new ArithmeticException("conjugate gradient iteration " + k + ": pᵀAp is not finite: " + curvature);
            }
            if (curvature == 0 || (curvature < 0 && stopAtNegativeCurvature)) {
                return new ConjugateGradientResult(x, k, Math.sqrt(rr), ConjugateGradientResult.Termination.NEGATIVE_CURVATURE, negativeSteps);
            }
            if (curvature < 0) {
                negativeSteps++;
            }
            double alpha = rr / curvature;
            for (int i = 0; i < dimension; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNext = dot(r, r);
            if (!Double.isFinite(rrNext)) {
                throw new ArithmeticException("conjugate gradient iteration " + k + ": residual is not finite: ‖r‖² = " + rrNext);
            }
            if (Math.sqrt(rrNext) <= tolerance) {
                return new ConjugateGradientResult(x, k + 1, Math.sqrt(rrNext), ConjugateGradientResult.Termination.CONVERGED, negativeSteps);
            }
            double beta = rrNext / rr;
            for (int i = 0; i < dimension; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = rrNext;
        }
        return new ConjugateGradientResult(x, maxIterations, Math.sqrt(rr), ConjugateGradientResult.Termination.MAX_ITERATIONS, negativeSteps);
    }

    private static double dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
