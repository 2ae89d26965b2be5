package org.bomrl.numerics.optim;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * One TRPO step on a loss ℓ(φ) (spec §3.5 step 8): with the Fisher-vector product F (of
 * mean KL(π_φold‖π_φ), plus damping·I),
 * <pre>
 *   s = CG(F, −∇ℓ),   full = s·√(2δ / sᵀFs)   (so ½ fullᵀF full = δ),
 *   for k = 0 … K−1:  trial = φ + c^k·full,  expected = (−∇ℓ·full)·c^k,  actual = ℓ(φ) − ℓ(trial),
 *                     accept the first trial with actual &gt; 0 and actual/expected &gt; accept ratio.
 * </pre>
 * The loss is evaluated at φ once and at each trial point; a trial whose loss is not finite is
 * rejected and backtracking goes on. Negative curvature and a zero gradient end the step without
 * moving (see {@link TrustRegionStepResult.Outcome}); a non-finite gradient, loss at φ, sᵀFs or
 * expected improvement throws {@link ArithmeticException} naming the quantity. Holds work buffers:
 * not thread-safe.
 */
public final class TrustRegionStep
{
    private final int dimension;
    private final TrustRegionStepParameters parameters;
    private final ConjugateGradient conjugateGradient;
    private final double[] negativeGradient;
    private final double[] fisherDirection;
    private final double[] trial;

    public TrustRegionStep(int dimension, TrustRegionStepParameters parameters)
    {
        requireNonNull(parameters, "parameters is null");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dimension = dimension;
        this.parameters = parameters;
        this.conjugateGradient = new ConjugateGradient(dimension, parameters.conjugateGradientIterations(), parameters.conjugateGradientTolerance(),
                parameters.damping());
        this.negativeGradient = new double[dimension];
        this.fisherDirection = new double[dimension];
        this.trial = new double[dimension];
    }

    public TrustRegionStepParameters parameters()
    {
        return parameters;
    }

    /**
     * @param phi φ, not modified
     * @param lossGradient ∇ℓ(φ), not modified
     * @param fisher x ↦ F x without damping (it is added here), symmetric positive (semi-)definite
     * @param loss ℓ; it receives a buffer owned by this step, which it must neither keep nor modify
     */
    public TrustRegionStepResult step(double[] phi, double[] lossGradient, LinearOperator fisher, ToDoubleFunction<double[]> loss)
    {
        requireNonNull(phi, "phi is null");
        requireNonNull(lossGradient, "lossGradient is null");
        requireNonNull(fisher, "fisher is null");
        requireNonNull(loss, "loss is null");
        if (phi.length != dimension || lossGradient.length != dimension) {
            throw new IllegalArgumentException("φ and ∇ℓ must have " + dimension + " entries: " + phi.length + " and " + lossGradient.length);
        }
        boolean zeroGradient = true;
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(lossGradient[i])) {
                throw new ArithmeticException("trust-region step: ∇ℓ[" + i + "] is not finite: " + lossGradient[i]);
            }
            if (!Double.isFinite(phi[i])) {
                throw new ArithmeticException("trust-region step: φ[" + i + "] is not finite: " + phi[i]);
            }
            negativeGradient[i] = -lossGradient[i];
            zeroGradient &= lossGradient[i] == 0;
        }
        ConjugateGradientResult solve = conjugateGradient.solve(fisher, negativeGradient);
        double[] s = solve.x();
        fisher.apply(s, fisherDirection);
        double curvature = 0;
        for (int i = 0; i < dimension; i++) {
            curvature += s[i] * (fisherDirection[i] + parameters.damping() * s[i]);
        }
        if (!Double.isFinite(curvature)) {
            throw new ArithmeticException("trust-region step: sᵀFs is not finite: " + curvature);
        }
        double[] fullStep = new double[dimension];
        if (zeroGradient) {
            return stay(TrustRegionStepResult.Outcome.ZERO_GRADIENT, fullStep, curvature, solve);
        }
        if (solve.termination() == ConjugateGradientResult.Termination.NEGATIVE_CURVATURE || curvature <= 0) {
            return stay(TrustRegionStepResult.Outcome.NEGATIVE_CURVATURE, fullStep, curvature, solve);
        }
        double scale = Math.sqrt(2 * parameters.maxKl() / curvature);
        double fullExpected = 0;
        for (int i = 0; i < dimension; i++) {
            fullStep[i] = scale * s[i];
            fullExpected += negativeGradient[i] * fullStep[i];
        }
        if (!Double.isFinite(fullExpected)) {
            throw new ArithmeticException("trust-region step: expected improvement −∇ℓ·full is not finite: " + fullExpected);
        }
        System.arraycopy(phi, 0, trial, 0, dimension);
        double start = loss.applyAsDouble(trial);
        if (!Double.isFinite(start)) {
            throw new ArithmeticException("trust-region step: the loss at φ is not finite: " + start);
        }
        double fraction = 1;
        double expected = Double.NaN;
        double actual = Double.NaN;
        for (int k = 0; k < parameters.backtrackingSteps(); k++) {
            for (int i = 0; i < dimension; i++) {
                trial[i] = phi[i] + fraction * fullStep[i];
            }
            double value = loss.applyAsDouble(trial);
            expected = fullExpected * fraction;
            actual = Double.isFinite(value) ? start - value : Double.NaN;
            if (actual > 0 && actual / expected > parameters.acceptRatio()) {
                double[] accepted = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    accepted[i] = phi[i] + fraction * fullStep[i];
                }
                return new TrustRegionStepResult(TrustRegionStepResult.Outcome.ACCEPTED, Optional.of(accepted), fullStep, fraction, k + 1, expected, actual,
                        curvature, solve);
            }
            fraction *= parameters.shrinkFactor();
        }
        return new TrustRegionStepResult(TrustRegionStepResult.Outcome.NO_IMPROVEMENT, Optional.empty(), fullStep, 0, parameters.backtrackingSteps(),
                expected, actual, curvature, solve);
    }

    private static TrustRegionStepResult stay(TrustRegionStepResult.Outcome outcome, double[] fullStep, double curvature, ConjugateGradientResult solve)
    {
        return new TrustRegionStepResult(outcome, Optional.empty(), fullStep, 0, 0, Double.NaN, Double.NaN, curvature, solve);
    }
}
