package org.bomrl.numerics.optim;

/**
 * The settings of one {@link TrustRegionStep} (spec §3.5 step 8, §5b).
 *
 * @param maxKl δ &gt; 0, the KL radius ½ sᵀFs = δ of the full step (0.01; 0.03 for Half-Cheetah direction)
 * @param conjugateGradientIterations CG iterations for s = F⁻¹(−∇ℓ), at least 1 (10)
 * @param conjugateGradientTolerance CG stops at ‖r‖₂ ≤ this, non-negative (1e-5, i.e. rᵀr &lt; 1e-10 as the authors)
 * @param damping added to the Fisher operator as F + damping·I, non-negative (0, as the authors)
 * @param backtrackingSteps K ≥ 1 trial fractions shrink^k, k = 0 … K−1 (10)
 * @param acceptRatio a trial is accepted if actual improvement &gt; 0 and actual/expected &gt; this, in [0, 1) (0.1)
 * @param shrinkFactor the backtracking factor, in (0, 1) (0.5)
 */
public record TrustRegionStepParameters(double maxKl, int conjugateGradientIterations, double conjugateGradientTolerance, double damping,
        int backtrackingSteps, double acceptRatio, double shrinkFactor)
{
    public static final int DEFAULT_CONJUGATE_GRADIENT_ITERATIONS = 10;
    public static final double DEFAULT_CONJUGATE_GRADIENT_TOLERANCE = 1e-5;
    public static final int DEFAULT_BACKTRACKING_STEPS = 10;
    public static final double DEFAULT_ACCEPT_RATIO = 0.1;
    public static final double DEFAULT_SHRINK_FACTOR = 0.5;

    public TrustRegionStepParameters
    {
        if (!(maxKl > 0) || Double.isInfinite(maxKl)) {
            throw new IllegalArgumentException("maxKl must be positive and finite: " + maxKl);
        }
        if (conjugateGradientIterations < 1) {
            throw new IllegalArgumentException("conjugateGradientIterations must be at least 1: " + conjugateGradientIterations);
        }
        if (!(conjugateGradientTolerance >= 0) || Double.isInfinite(conjugateGradientTolerance)) {
            throw new IllegalArgumentException("conjugateGradientTolerance must be non-negative and finite: " + conjugateGradientTolerance);
        }
        if (!(damping >= 0) || Double.isInfinite(damping)) {
            throw new IllegalArgumentException("damping must be non-negative and finite: " + damping);
        }
        if (backtrackingSteps < 1) {
            throw new IllegalArgumentException("backtrackingSteps must be at least 1: " + backtrackingSteps);
        }
        if (!(acceptRatio >= 0 && acceptRatio < 1)) {
            throw new IllegalArgumentException("acceptRatio must be in [0, 1): " + acceptRatio);
        }
        if (!(shrinkFactor > 0 && shrinkFactor < 1)) {
            throw new IllegalArgumentException("shrinkFactor must be in (0, 1): " + shrinkFactor);
        }
    }

    /** The authors' settings (spec §3.5 step 8) with the given KL radius: 10 CG iterations, tolerance 1e-5, no damping, 10 backtracks, ratio 0.1, factor 0.5. */
    public static TrustRegionStepParameters defaults(double maxKl)
    {
        return new TrustRegionStepParameters(maxKl, DEFAULT_CONJUGATE_GRADIENT_ITERATIONS, DEFAULT_CONJUGATE_GRADIENT_TOLERANCE, 0, DEFAULT_BACKTRACKING_STEPS,
                DEFAULT_ACCEPT_RATIO, DEFAULT_SHRINK_FACTOR);
    }

    /** These settings with another damping. */
    public TrustRegionStepParameters withDamping(double newDamping)
    {
        return new TrustRegionStepParameters(maxKl, conjugateGradientIterations, conjugateGradientTolerance, newDamping, backtrackingSteps, acceptRatio,
                shrinkFactor);
    }
}
