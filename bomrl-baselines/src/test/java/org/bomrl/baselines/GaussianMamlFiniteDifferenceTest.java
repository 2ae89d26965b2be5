package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Task;
import org.bomrl.numerics.lq.LinearGaussianReturn;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one pre-update batch held fixed, MAML's second-order meta-gradient h = (I + α∇²Ĵ_𝒟(φ))ᵀ ∇J(θ)
 * (spec §7.3) equals the central finite difference of the fixed-data meta-objective
 * F(φ) = J(θ(φ)), θ(φ) = φ + α∇Ĵ_𝒟(φ), J the exact return of the linear-Gaussian policy on a
 * linear-quadratic task ({@link LinearGaussianReturn}), for every inner objective; the task's outer
 * surrogate ℓ has gradient −h at φ, and its analytic gradient matches differences of ℓ away from φ.
 */
final class GaussianMamlFiniteDifferenceTest
{
    private static final int HORIZON = 20;
    private static final double ALPHA = 0.05;
    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-6;

    @ParameterizedTest
    @EnumSource(InnerObjective.class)
    void secondOrderMetaGradientEqualsFiniteDifferencesOfTheFixedDataObjective(InnerObjective objective)
    {
        Task<double[], double[]> task = LinearQuadraticBatches.task(HORIZON, 4);
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, 1, new int[0], Activation.TANH, -0.7);
        double[] phi = {-0.6, -0.9, 0.05, -0.7};
        TrajectoryBatch batch = LinearQuadraticBatches.collect(task, policy, phi, 30, HORIZON, RandomSource.seeded(17));
        double[] advantages = LinearQuadraticBatches.advantages(batch, model.gamma());
        InnerStep step = new InnerStep(objective, ALPHA);
        GaussianMaml maml = new GaussianMaml(step, HypergradientOrder.SECOND, 1.0);
        LinearGaussianReturn exact = new LinearGaussianReturn(model);

        AdaptationResult adapted = maml.adapt(policy, phi, batch, advantages);
        double[] g = new double[phi.length];
        exact.valueAndGradient(adapted.theta(), g);
        MetaGradient metaGradient = maml.metaGradient(policy, phi, adapted, batch, advantages, g);

        double[] difference = new double[phi.length];
        double scale = 0;
        for (int i = 0; i < phi.length; i++) {
            double[] plus = shifted(phi, i, STEP);
            double[] minus = shifted(phi, i, -STEP);
            difference[i] = (exact.value(step.theta(policy, plus, batch, advantages, ALPHA)) - exact.value(step.theta(policy, minus, batch, advantages, ALPHA))) / (2 * STEP);
            scale = Math.max(scale, Math.abs(difference[i]));
        }
        assertThat(scale).as("the meta-objective depends on φ").isGreaterThan(1e-3);
        double secondOrderTerm = 0;
        for (int i = 0; i < phi.length; i++) {
            secondOrderTerm = Math.max(secondOrderTerm, Math.abs(metaGradient.h()[i] - g[i]));
            assertThat(Math.abs(metaGradient.h()[i] - difference[i])).as("%s: h[%d] = %s vs finite difference %s", objective, i, metaGradient.h()[i], difference[i])
                    .isLessThan(RELATIVE_TOLERANCE * scale);
        }
        assertThat(secondOrderTerm).as("the second-order term is not negligible").isGreaterThan(1e-3 * scale);

        double[] away = {-0.55, -0.95, 0.1, -0.65};
        double[] analytic = new double[phi.length];
        double[] atPhi = new double[phi.length];
        maml.surrogateLossGradient(policy, away, batch, metaGradient, analytic);
        maml.surrogateLossGradient(policy, phi, batch, metaGradient, atPhi);
        for (int i = 0; i < phi.length; i++) {
            double slopeAtPhi = (maml.surrogateLoss(policy, shifted(phi, i, STEP), batch, metaGradient) - maml.surrogateLoss(policy, shifted(phi, i, -STEP), batch, metaGradient))
                    / (2 * STEP);
            assertThat(Math.abs(slopeAtPhi + metaGradient.h()[i])).as("∂ℓ/∂φ[%d] = −h[%d]", i, i).isLessThan(RELATIVE_TOLERANCE * scale);
            assertThat(Math.abs(atPhi[i] + metaGradient.h()[i])).as("analytic ∇ℓ(φ)[%d] = −h[%d]", i, i).isLessThan(1e-12 * scale);
            double slopeAway = (maml.surrogateLoss(policy, shifted(away, i, STEP), batch, metaGradient) - maml.surrogateLoss(policy, shifted(away, i, -STEP), batch, metaGradient))
                    / (2 * STEP);
            assertThat(Math.abs(analytic[i] - slopeAway)).as("∇ℓ(φ')[%d] away from φ", i).isLessThan(RELATIVE_TOLERANCE * scale);
        }
    }

    @ParameterizedTest
    @EnumSource(InnerObjective.class)
    void firstOrderMetaGradientIsThePostUpdateGradientAndItsSurrogateIsLinear(InnerObjective objective)
    {
        Task<double[], double[]> task = LinearQuadraticBatches.task(HORIZON, 2);
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, 1, new int[0], Activation.TANH, -0.7);
        double[] phi = {-0.5, -0.8, 0.0, -0.7};
        TrajectoryBatch batch = LinearQuadraticBatches.collect(task, policy, phi, 10, HORIZON, RandomSource.seeded(5));
        double[] advantages = LinearQuadraticBatches.advantages(batch, model.gamma());
        GaussianMaml maml = new GaussianMaml(new InnerStep(objective, ALPHA), HypergradientOrder.FIRST, 1.0);
        AdaptationResult adapted = maml.adapt(policy, phi, batch, advantages);
        double[] g = new double[phi.length];
        new LinearGaussianReturn(model).valueAndGradient(adapted.theta(), g);

        MetaGradient metaGradient = maml.metaGradient(policy, phi, adapted, batch, advantages, g);

        assertThat(metaGradient.h()).containsExactly(g);
        double[] phiPrime = {0.3, -0.2, 0.4, -0.5};
        double expected = 0;
        for (int i = 0; i < phi.length; i++) {
            expected -= g[i] * phiPrime[i];
        }
        assertThat(maml.surrogateLoss(policy, phiPrime, batch, metaGradient)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected)));
    }

    private static double[] shifted(double[] x, int i, double by)
    {
        double[] y = x.clone();
        y[i] += by;
        return y;
    }
}
