package org.bomrl.envs.lq;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.numerics.lq.LinearGaussianReturn;
import org.bomrl.numerics.lq.RiccatiOptimum;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The environment follows its exposed model: exactly when noise-free, and in expectation against
 * the exact optimum (Riccati) and the exact return of a linear-Gaussian policy (Lyapunov), by
 * Monte-Carlo rollouts. Statistical tolerance: {@value #STANDARD_ERRORS} standard errors of the
 * mean over {@value #EPISODES} episodes (a false alarm about once in 1.7 million runs).
 */
final class LinearQuadraticEnvironmentTest
{
    private static final int EPISODES = 20_000;
    private static final double STANDARD_ERRORS = 5;
    /** Relative round-off of the same sums taken in another order. */
    private static final double EXACT = 1e-12;

    @Test
    void noiseFreeStepsFollowTheModelExactly()
    {
        TaskDistribution<double[], double[]> distribution = LinearQuadratic.create(Map.of("state_dim", "3", "action_dim", "2", "noise_std", "0",
                "initial_std", "0", "initial_mean", "0.5", "dt", "0.2"));
        LinearQuadraticTask task = (LinearQuadraticTask) distribution.task("a=0.05,b=1.25");
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        // A = (1 + a)·I + Δt·J, B = b·Δt·[0; I_2]
        assertThat(model.a()).isDeepEqualTo(new double[][] {{1.05, 0.2, 0}, {0, 1.05, 0.2}, {0, 0, 1.05}});
        assertThat(model.b()).isDeepEqualTo(new double[][] {{0, 0}, {1.25 * 0.2, 0}, {0, 1.25 * 0.2}});
        SplittableRandom random = RandomSource.seeded(9).derive("lq-noise-free").generator();
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            double[] x = environment.reset(1);
            assertThat(x).containsExactly(0.5, 0.5, 0.5);
            for (int t = 0; t < model.horizon(); t++) {
                double[] u = {random.nextDouble() - 0.5, random.nextDouble() - 0.5};
                Step<double[]> step = environment.step(u.clone());
                double[] expected = new double[3];
                double cost = 0.1 * (u[0] * u[0] + u[1] * u[1]);
                for (int i = 0; i < 3; i++) {
                    cost += x[i] * x[i];
                    for (int j = 0; j < 3; j++) {
                        expected[i] += model.a()[i][j] * x[j];
                    }
                    for (int j = 0; j < 2; j++) {
                        expected[i] += model.b()[i][j] * u[j];
                    }
                }
                double scale = 1 + Math.abs(cost);
                assertThat(step.observation()).containsExactly(expected, within(EXACT * scale));
                assertThat(step.reward()).isCloseTo(-cost, within(EXACT * scale));
                assertThat(step.truncated()).isEqualTo(t + 1 == model.horizon());
                assertThat(step.terminated()).isFalse();
                x = step.observation();
            }
        }
    }

    @Test
    void theRiccatiPolicyEarnsTheOptimumInExpectation()
    {
        Task<double[], double[]> task = LinearQuadratic.create(Map.of()).testTasks().get(7);
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        RiccatiOptimum optimum = RiccatiOptimum.solve(model);
        double[] gain = new double[2];

        double[] estimate = monteCarlo(task, model, (t, x) -> {
            optimum.gain(t, gain);
            return new double[] {gain[0] * x[0] + gain[1] * x[1]};
        }, RandomSource.seeded(10).derive("lq-riccati"));

        assertThat(estimate[1]).as("standard error").isLessThan(0.01 * Math.abs(optimum.optimalReturn()));
        assertThat(estimate[0]).isCloseTo(optimum.optimalReturn(), within(STANDARD_ERRORS * estimate[1]));
    }

    @Test
    void aLinearGaussianPolicyEarnsItsExactReturnInExpectation()
    {
        Task<double[], double[]> task = LinearQuadratic.create(Map.of("noise_std", "0.2", "initial_std", "0.5")).testTasks().get(2);
        LinearQuadraticModel model = task.capability(LinearQuadraticModel.class).get();
        double[] theta = {-1.5, -2.0, 0.3, Math.log(0.5)};
        double exact = new LinearGaussianReturn(model).value(theta);
        SplittableRandom noise = RandomSource.seeded(11).derive("lq-policy-noise").generator();
        double sigma = Math.exp(theta[3]);

        double[] estimate = monteCarlo(task, model, (t, x) -> new double[] {theta[0] * x[0] + theta[1] * x[1] + theta[2] + sigma * noise.nextGaussian()},
                RandomSource.seeded(11).derive("lq-policy"));

        assertThat(estimate[1]).as("standard error").isLessThan(0.01 * Math.abs(exact));
        assertThat(estimate[0]).isCloseTo(exact, within(STANDARD_ERRORS * estimate[1]));
        assertThat(exact).isLessThan(RiccatiOptimum.solve(model).optimalReturn());
    }

    /** {mean, standard error} of Σ_t γ^t r_t over {@link #EPISODES} episodes. */
    private static double[] monteCarlo(Task<double[], double[]> task, LinearQuadraticModel model, BiFunction<Integer, double[], double[]> policy,
            RandomSource seeds)
    {
        double sum = 0;
        double sumOfSquares = 0;
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            for (int episode = 0; episode < EPISODES; episode++) {
                double[] x = environment.reset(seeds.derive(episode).seed());
                double total = 0;
                double discount = 1;
                for (int t = 0; ; t++) {
                    Step<double[]> step = environment.step(policy.apply(t, x));
                    total += discount * step.reward();
                    discount *= model.gamma();
                    if (step.done()) {
                        break;
                    }
                    x = step.observation();
                }
                sum += total;
                sumOfSquares += total * total;
            }
        }
        double mean = sum / EPISODES;
        return new double[] {mean, Math.sqrt((sumOfSquares / EPISODES - mean * mean) / (EPISODES - 1))};
    }
}
