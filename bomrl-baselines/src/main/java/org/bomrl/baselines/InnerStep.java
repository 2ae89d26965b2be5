package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.DifferentiablePolicy;

import static java.util.Objects.requireNonNull;

/**
 * MAML's inner step on one batch 𝒟 with the data held fixed (spec §7.3):
 * <pre>θ(φ) = φ + α ∇_φ Ĵ_𝒟(φ),   ∂θ/∂φ = I + α ∇²_φ Ĵ_𝒟(φ)   (symmetric),</pre>
 * Ĵ_𝒟 the declared {@link InnerObjective}. Gradients and Hessian-vector products are exact
 * ({@link DifferentiablePolicy#scoreGradient}, {@link DifferentiablePolicy#scoreHessianVector}).
 * Immutable and thread-safe; every call allocates its own N-row work arrays.
 */
final class InnerStep
{
    private final InnerObjective objective;
    private final double stepSize;

    /** @param stepSize α &gt; 0, finite */
    InnerStep(InnerObjective objective, double stepSize)
    {
        this.objective = requireNonNull(objective, "objective is null");
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("inner step size α must be positive and finite: " + stepSize);
        }
        this.stepSize = stepSize;
    }

    InnerObjective objective()
    {
        return objective;
    }

    double stepSize()
    {
        return stepSize;
    }

    /** θ = φ + α∇Ĵ_𝒟(φ) as an adaptation result, with D = ‖θ − φ‖² and {@code stop} naming the step. */
    AdaptationResult adapt(DifferentiablePolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages, double alpha, String stop)
    {
        double[] theta = theta(policy, phi, batch, advantages, alpha);
        double distance = 0;
        for (int i = 0; i < theta.length; i++) {
            distance += (theta[i] - phi[i]) * (theta[i] - phi[i]);
        }
        return new AdaptationResult(theta, 1, distance, stop);
    }

    /** θ(φ) with step size {@code alpha}, as a new array. */
    double[] theta(DifferentiablePolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages, double alpha)
    {
        double[] theta = new double[phi.length];
        policy.scoreGradient(phi, batch, firstDerivatives(policy, phi, batch, advantages, null), theta, null);
        for (int i = 0; i < theta.length; i++) {
            theta[i] = phi[i] + alpha * theta[i];
            if (!Double.isFinite(theta[i])) {
                throw new ArithmeticException("inner step: θ[" + i + "] = " + theta[i] + " is not finite (φ = " + phi[i] + ", α = " + alpha + ")");
            }
        }
        return theta;
    }

    /** out = (∂θ/∂φ)ᵀ v = v + α ∇²Ĵ_𝒟(φ) v (overwritten). */
    void jacobianTransposeTimes(DifferentiablePolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages, double[] v, double[] out)
    {
        double[] second = new double[batch.steps()];
        double[] first = firstDerivatives(policy, phi, batch, advantages, second);
        policy.scoreHessianVector(phi, batch, first, second, v, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i] + stepSize * out[i];
        }
    }

    /** f_i'(ℓ_i(φ)) per row, and f_i'' into {@code second} when it is not null. */
    private double[] firstDerivatives(DifferentiablePolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages, double[] second)
    {
        int n = batch.steps();
        if (advantages.length != n) {
            throw new IllegalArgumentException("advantages has " + advantages.length + " entries for a batch of " + n + " steps");
        }
        double[] scores = new double[n];
        policy.logProbabilities(phi, batch, scores);
        double[] first = new double[n];
        objective.derivatives(scores, batch.dataLogProbabilities(), advantages, first, second == null ? new double[n] : second, new double[2]);
        return first;
    }
}
