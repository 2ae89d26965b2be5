package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.core.rollout.MonteCarloAdvantages;
import org.bomrl.core.rollout.Rollouts;
import org.bomrl.core.rollout.TrajectorySampler;
import org.bomrl.envs.lq.LinearQuadraticFactory;
import org.bomrl.numerics.lq.LinearGaussianReturn;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the linear-quadratic family, with one batch of data held fixed (observations, actions,
 * advantages and the data policy's log-probabilities), the neural BO-MRL hypergradient
 * h = ∇²_φθ D · CG(∇²_θθ(D + L/λ), −∇_θ J(θ*)) (spec §3.2 (*), §3.5) equals the central finite
 * difference of the fixed-data meta-objective F(φ) = J(θ*(φ)), where J is the exact return of the
 * linear-Gaussian policy (Lyapunov recursion) and θ*(φ) the lower level solved to stationarity by
 * an independent Newton iteration (Hessian from differences of the analytic gradient).
 */
final class GaussianHypergradientFiniteDifferenceTest
{
    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();
    private static final double LAMBDA = 20.0;
    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean"})
    void hypergradientEqualsFiniteDifferencesOfTheFixedDataMetaObjective(String distanceName)
    {
        Task<double[], double[]> task = linearQuadraticTask();
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, 1, new int[0], Activation.TANH, -0.7);
        double[] phi = {-0.6, -0.9, 0.05, -0.7};
        Rollouts rollouts = new TrajectorySampler(30, model.horizon(), 0, model.gamma()).collect(task, policy, phi, RandomSource.seeded(17));
        TrajectoryBatch batch = rollouts.batch();
        double[] advantages = MonteCarloAdvantages.advantages(rollouts, model.gamma());
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(LAMBDA, 50, 1e-3, 3.0, 20, 1e-14, 0, GaussianBomrlSettings.NegativeCurvature.FAIL));
        LinearGaussianReturn exact = new LinearGaussianReturn(model);

        double[] thetaStar = lowerLevel(policy, distance, batch, advantages, phi);
        double[] gradient = new double[phi.length];
        exact.valueAndGradient(thetaStar, gradient);
        MetaGradient metaGradient = algorithm.metaGradient(policy, phi, new AdaptationResult(thetaStar, 0, 0, "newton"), batch, advantages, gradient);
        assertThat(metaGradient.truncated()).as("CG met no negative curvature").isFalse();

        double[] finiteDifference = new double[phi.length];
        double scale = 0;
        for (int i = 0; i < phi.length; i++) {
            double[] plus = phi.clone();
            double[] minus = phi.clone();
            plus[i] += STEP;
            minus[i] -= STEP;
            finiteDifference[i] = (exact.value(lowerLevel(policy, distance, batch, advantages, plus)) - exact.value(lowerLevel(policy, distance, batch, advantages, minus)))
                    / (2 * STEP);
            scale = Math.max(scale, Math.abs(finiteDifference[i]));
        }
        assertThat(scale).as("the meta-objective depends on φ").isGreaterThan(1e-3);
        for (int i = 0; i < phi.length; i++) {
            assertThat(Math.abs(metaGradient.h()[i] - finiteDifference[i])).as("%s: h[%d] = %s vs finite difference %s", distanceName, i, metaGradient.h()[i], finiteDifference[i])
                    .isLessThan(RELATIVE_TOLERANCE * scale);
        }
        // the task's outer surrogate has gradient −h at φ
        for (int i = 0; i < phi.length; i++) {
            double[] plus = phi.clone();
            double[] minus = phi.clone();
            plus[i] += STEP;
            minus[i] -= STEP;
            double slope = (algorithm.surrogateLoss(policy, plus, batch, metaGradient) - algorithm.surrogateLoss(policy, minus, batch, metaGradient)) / (2 * STEP);
            assertThat(Math.abs(slope + metaGradient.h()[i])).as("∂ℓ/∂φ[%d] = −h[%d]", i, i).isLessThan(RELATIVE_TOLERANCE * scale);
        }
    }

    /** θ*(φ) = argmin L(θ)/λ + D(θ, φ) by Newton's method from θ = φ, to a gradient norm of 1e-13. */
    private static double[] lowerLevel(GaussianMlpPolicy policy, GaussianDistance distance, TrajectoryBatch batch, double[] advantages, double[] phi)
    {
        double[] theta = phi.clone();
        int n = theta.length;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = gradient(policy, distance, batch, advantages, phi, theta);
            double norm = 0;
            for (double value : gradient) {
                norm = Math.max(norm, Math.abs(value));
            }
            if (norm < 1e-13) {
                return theta;
            }
            DMatrixRMaj hessian = new DMatrixRMaj(n, n);
            double h = 1e-6;
            for (int j = 0; j < n; j++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double[] gPlus = gradient(policy, distance, batch, advantages, phi, plus);
                double[] gMinus = gradient(policy, distance, batch, advantages, phi, minus);
                for (int i = 0; i < n; i++) {
                    hessian.set(i, j, (gPlus[i] - gMinus[i]) / (2 * h));
                }
            }
            DMatrixRMaj step = new DMatrixRMaj(n, 1);
            if (!CommonOps_DDRM.solve(hessian, new DMatrixRMaj(n, 1, true, gradient), step)) {
                throw new AssertionError("singular lower-level Hessian at Newton iteration " + iteration);
            }
            for (int i = 0; i < n; i++) {
                theta[i] -= step.get(i);
            }
        }
        throw new AssertionError("the lower level did not reach stationarity");
    }

    /** ∇_θ [L(θ)/λ + D(θ, φ)] from the analytic score gradient and distance gradient. */
    private static double[] gradient(GaussianMlpPolicy policy, GaussianDistance distance, TrajectoryBatch batch, double[] advantages, double[] phi, double[] theta)
    {
        int rows = batch.steps();
        double[] scores = new double[rows];
        double[] weights = new double[rows];
        policy.logProbabilities(theta, batch, scores);
        SmoothedSurrogate.derivatives(scores, batch.dataLogProbabilities(), advantages, 1 / LAMBDA, weights, null);
        double[] gradient = new double[theta.length];
        policy.scoreGradient(theta, batch, weights, gradient, null);
        double[] distanceGradient = new double[theta.length];
        distance.gradientTheta(policy, theta, phi, batch.observations(), rows, distanceGradient);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += distanceGradient[i];
        }
        return gradient;
    }

    @SuppressWarnings("unchecked")
    private static Task<double[], double[]> linearQuadraticTask()
    {
        LinearQuadraticFactory factory = new LinearQuadraticFactory();
        TaskDistribution<?, ?> distribution = factory.create(MapSettings.of("environment", Map.of("horizon", "20"), factory.settings()),
                new RunContext(RandomSource.seeded(3), COMPONENTS));
        return (Task<double[], double[]>) distribution.testTasks().get(4);
    }
}
