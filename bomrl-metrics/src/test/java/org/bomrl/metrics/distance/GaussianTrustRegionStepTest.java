package org.bomrl.metrics.distance;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.tck.TanhGaussianPolicy;
import org.bomrl.numerics.optim.LinearOperator;
import org.bomrl.numerics.optim.TrustRegionStep;
import org.bomrl.numerics.optim.TrustRegionStepParameters;
import org.bomrl.numerics.optim.TrustRegionStepResult;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TRPO outer step of spec §3.5 step 8 with the Fisher-vector product of mean KL(π_φold‖π_φ)
 * taken as Alg(1)'s Gaussian Hessian-vector product at θ = φ = φ_old. On a linear loss the full step
 * is accepted and its true KL is the radius δ up to the third-order term of the KL expansion, whose
 * relative size is O(√δ). (With
 * fewer outputs than parameters the Fisher is singular and CG drifts into its null space.)
 */
class GaussianTrustRegionStepTest
{
    /** The two radii; the step length scales as √δ, so the cubic term's relative size shrinks by √(100) = 10. */
    private static final double LARGE_KL = 1e-4;
    private static final double SMALL_KL = 1e-6;
    /** The relative KL error at the small radius must be below this fraction of the one at the large radius (1/10 expected). */
    private static final double SHRINK_BOUND = 0.2;
    /** And below this in absolute terms. */
    private static final double SMALL_KL_RELATIVE_TOLERANCE = 0.05;
    /** Enough states that the 28-parameter Fisher has full rank (n·dAct + dAct outputs ≥ parameters). */
    private static final int STATES = 40;
    /** Moves φ_old off the initial point, whose output weights are 0.1-scaled and make the Fisher ill-conditioned. */
    private static final double PERTURBATION = 0.5;

    @Test
    void fullStepWithTheAlg1FisherHasTrueKlEqualToTheRadius()
    {
        TanhGaussianPolicy policy = new TanhGaussianPolicy(3, 4, 2);
        SplittableRandom random = RandomSource.seeded(23L).derive("trpo").generator();
        double[] phiOld = policy.initialParameters(RandomSource.seeded(23L).derive("initial"));
        double[] observations = new double[STATES * 3];
        double[] lossGradient = new double[policy.parameterCount()];
        for (int i = 0; i < observations.length; i++) {
            observations[i] = random.nextGaussian();
        }
        for (int j = 0; j < lossGradient.length; j++) {
            phiOld[j] += PERTURBATION * random.nextGaussian();
            lossGradient[j] = random.nextGaussian();
        }
        GaussianDistance alg1 = new KlPriorAdapted().gaussian().get();
        LinearOperator fisher = (v, out) -> alg1.hessianVectorThetaTheta(policy, phiOld, phiOld, observations, STATES, v, out);

        double largeError = relativeKlError(policy, alg1, fisher, phiOld, observations, lossGradient, LARGE_KL);
        double smallError = relativeKlError(policy, alg1, fisher, phiOld, observations, lossGradient, SMALL_KL);

        assertThat(smallError).as("relative KL error at δ = %s (at δ = %s: %s)", SMALL_KL, LARGE_KL, largeError)
                .isLessThanOrEqualTo(SHRINK_BOUND * largeError)
                .isLessThanOrEqualTo(SMALL_KL_RELATIVE_TOLERANCE);
    }

    /** |KL(π_φold‖π_new) − δ| / δ after one step on the linear loss ∇ℓ·x, which must accept the full step. */
    private static double relativeKlError(TanhGaussianPolicy policy, GaussianDistance alg1, LinearOperator fisher, double[] phiOld, double[] observations,
            double[] lossGradient, double maxKl)
    {
        int parameters = policy.parameterCount();
        TrustRegionStep step = new TrustRegionStep(parameters, new TrustRegionStepParameters(maxKl, 2 * parameters, 1e-12, 0, 10, 0.1, 0.5));

        TrustRegionStepResult result = step.step(phiOld, lossGradient, fisher, x -> dot(lossGradient, x));

        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.ACCEPTED);
        assertThat(result.acceptedFraction()).isEqualTo(1.0);
        double trueKl = alg1.value(policy, result.parameters().orElseThrow(), phiOld, observations, STATES);
        return Math.abs(trueKl - maxKl) / maxKl;
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
