package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.numerics.optim.Adam;
import org.bomrl.numerics.optim.ConjugateGradient;
import org.bomrl.numerics.optim.ConjugateGradientResult;

/**
 * Neural BO-MRL (spec §2.5, §3.5), Alg(1)/(2)/(3) by the distance D:
 * <ul>
 * <li>lower level: θ ← φ, then Adam(lr) for at most K steps on g(θ) = L(θ)/λ + D(θ, φ) with the
 * smoothed surrogate L of {@link SmoothedSurrogate}, stopping early when D(θ, φ) &gt; D_max
 * (checked before each step);</li>
 * <li>hypergradient (*) of spec §3.2: x = CG(H, −∇_θJ(θ*)), H = ∇²_θθ(D + L/λ) applied as an
 * exact Hessian-vector product on the pre-adaptation batch (when CG meets negative curvature, the
 * iterate before it unless {@code cg_negative_curvature = fail}), and h = ∇²_φθ D · x; the task's
 * outer surrogate is ℓ(φ') = −∇_θ D(φ', θ*)·x.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class GaussianBomrl
        implements GaussianAdaptation
{
    private final GaussianDistance distance;
    private final GaussianBomrlSettings settings;

    GaussianBomrl(GaussianDistance distance, GaussianBomrlSettings settings)
    {
        this.distance = distance;
        this.settings = settings;
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        int n = batch.steps();
        double[] observations = batch.observations();
        double[] theta = phi.clone();
        double[] scores = new double[n];
        double[] weights = new double[n];
        double[] gradient = new double[theta.length];
        double[] distanceGradient = new double[theta.length];
        Adam adam = new Adam(theta.length, settings.innerLearningRate());
        double lambda = settings.lambda();
        double d = 0;
        for (int k = 0; k < settings.innerSteps(); k++) {
            d = distance.value(policy, theta, phi, observations, n);
            if (!Double.isFinite(d)) {
                throw new ArithmeticException("lower level, inner step " + k + ", task " + batch.taskId() + ": D(θ, φ) is " + d);
            }
            if (d > settings.maxDistance()) {
                return new AdaptationResult(theta, k, d, "distance > " + settings.maxDistance());
            }
            policy.logProbabilities(theta, batch, scores);
            SmoothedSurrogate.derivatives(scores, batch.dataLogProbabilities(), advantages, 1 / lambda, weights, null);
            policy.scoreGradient(theta, batch, weights, gradient, null);
            distance.gradientTheta(policy, theta, phi, observations, n, distanceGradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -(gradient[i] + distanceGradient[i]);
                if (!Double.isFinite(gradient[i])) {
                    throw new ArithmeticException("lower level, inner step " + k + ", task " + batch.taskId() + ": gradient entry " + i + " is " + gradient[i]);
                }
            }
            adam.step(theta, gradient);
        }
        d = distance.value(policy, theta, phi, observations, n);
        return new AdaptationResult(theta, settings.innerSteps(), d, "iterations");
    }

    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            double[] adaptedGradient)
    {
        int n = batch.steps();
        double[] observations = batch.observations();
        double[] theta = adapted.theta();
        double[] scores = new double[n];
        double[] first = new double[n];
        double[] second = new double[n];
        policy.logProbabilities(theta, batch, scores);
        SmoothedSurrogate.derivatives(scores, batch.dataLogProbabilities(), advantages, 1 / settings.lambda(), first, second);
        double[] distancePart = new double[theta.length];
        ConjugateGradient cg = new ConjugateGradient(theta.length, settings.cgIterations(), settings.cgTolerance(), settings.cgDamping());
        double[] b = new double[theta.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = -adaptedGradient[i];
        }
        ConjugateGradientResult solved = cg.solve((v, out) -> {
            policy.scoreHessianVector(theta, batch, first, second, v, out);
            distance.hessianVectorThetaTheta(policy, theta, phi, observations, n, v, distancePart);
            for (int i = 0; i < out.length; i++) {
                out[i] += distancePart[i];
            }
        }, b);
        boolean truncated = solved.termination() == ConjugateGradientResult.Termination.NEGATIVE_CURVATURE;
        if (truncated && settings.failOnNegativeCurvature()) {
            throw new ArithmeticException("hypergradient, task " + batch.taskId() + ": conjugate gradient met negative curvature of ∇²(D + L/λ) after " + solved.iterations()
                    + " iterations; set cg_damping > 0, a larger lambda, or cg_negative_curvature = truncate");
        }
        double[] x = solved.x();
        double[] h = new double[phi.length];
        distance.crossTerm(policy, theta, phi, observations, n, x, h);
        for (int i = 0; i < h.length; i++) {
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("hypergradient, task " + batch.taskId() + ": entry " + i + " is " + h[i]);
            }
        }
        double[] state = new double[2 * theta.length];
        System.arraycopy(theta, 0, state, 0, theta.length);
        System.arraycopy(x, 0, state, theta.length, x.length);
        return new MetaGradient(h, state, truncated);
    }

    /** ℓ(φ') = −∇_θ D(φ', θ*)·x with [θ*; x] the meta-gradient's state. */
    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        int dimension = phiPrime.length;
        double[] state = metaGradient.state();
        double[] theta = java.util.Arrays.copyOfRange(state, 0, dimension);
        double[] gradient = new double[dimension];
        distance.gradientTheta(policy, theta, phiPrime, batch.observations(), batch.steps(), gradient);
        double dot = 0;
        for (int i = 0; i < dimension; i++) {
            dot += gradient[i] * state[dimension + i];
        }
        return -dot;
    }
}
