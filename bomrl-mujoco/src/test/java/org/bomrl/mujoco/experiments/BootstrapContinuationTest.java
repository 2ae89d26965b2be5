package org.bomrl.mujoco.experiments;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.core.rollout.Rollouts;
import org.bomrl.core.rollout.TrajectorySampler;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The §5b bootstrap continuation on a MuJoCo task: with {@code environment.horizon} ≥ sampling
 * horizon + bootstrap steps, each episode's tail return is the discounted return Σ_j γ^j r_{H+j}
 * of the steps after the horizon, replayed here by hand from the same seeds; with the variant's own
 * time limit equal to the sampling horizon the continuation cannot run and the tail is 0.
 */
final class BootstrapContinuationTest
{
    private static final int HORIZON = 8;
    private static final int BOOTSTRAP = 6;
    private static final int EPISODES = 2;
    private static final double GAMMA = 0.995;
    private static final long SEED = 21L;

    @BeforeEach
    void requireMujoco()
    {
        Experiments.assumeNative();
    }

    @Test
    void continuationRunsPastTheHorizonWhenTheTimeLimitAllowsIt()
    {
        Task<double[], double[]> task = Experiments.firstTestTask("env.mujoco.half-cheetah-vel", HORIZON + BOOTSTRAP);
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(17, 6, 8, 8);
        double[] theta = policy.initialParameters(RandomSource.seeded(SEED).derive("policy"));
        RandomSource random = RandomSource.seeded(SEED).derive("round");

        Rollouts rollouts = new TrajectorySampler(EPISODES, HORIZON, BOOTSTRAP, GAMMA).collect(task, policy, theta, random);

        assertThat(rollouts.batch().steps()).isEqualTo(EPISODES * HORIZON);
        for (int e = 0; e < EPISODES; e++) {
            double[] replayed = replay(task, policy, theta, random.derive(e));
            for (int t = 0; t < HORIZON; t++) {
                assertThat(rollouts.batch().rewards()[e * HORIZON + t]).as("episode %d reward %d", e, t).isEqualTo(replayed[t]);
            }
            double tail = 0;
            double discount = 1;
            for (int j = 0; j < BOOTSTRAP; j++) {
                tail += discount * replayed[HORIZON + j];
                discount *= GAMMA;
            }
            assertThat(tail).as("a Half-Cheetah-vel reward is ≤ 0, and not 0 under a random policy").isNegative();
            // the replay performs the same floating-point operations in the same order: equal to the last bit
            assertThat(rollouts.tailReturns()[e]).as("episode %d tail", e).isEqualTo(tail);
        }
    }

    @Test
    void theVariantsOwnTimeLimitAtTheHorizonLeavesNoContinuation()
    {
        Task<double[], double[]> task = Experiments.firstTestTask("env.mujoco.half-cheetah-vel", HORIZON);
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(17, 6, 8, 8);
        double[] theta = policy.initialParameters(RandomSource.seeded(SEED).derive("policy"));

        Rollouts rollouts = new TrajectorySampler(EPISODES, HORIZON, BOOTSTRAP, GAMMA).collect(task, policy, theta, RandomSource.seeded(SEED).derive("round"));

        assertThat(rollouts.batch().steps()).isEqualTo(EPISODES * HORIZON);
        assertThat(rollouts.tailReturns()).containsOnly(0.0);
    }

    /** HORIZON + BOOTSTRAP rewards of one episode, stepping the environment as the sampler's contract says (reset seed and action stream of {@code stream}). */
    private static double[] replay(Task<double[], double[]> task, GaussianMlpPolicy policy, double[] theta, RandomSource stream)
    {
        double[] rewards = new double[HORIZON + BOOTSTRAP];
        double[] action = new double[policy.actionDimension()];
        SplittableRandom generator = stream.generator();
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            double[] observation = environment.reset(stream.seed());
            for (int t = 0; t < rewards.length; t++) {
                policy.sample(theta, observation, generator, action);
                Step<double[]> step = environment.step(action.clone());
                assertThat(step.done()).as("step %d ends the episode", t).isEqualTo(t == rewards.length - 1);
                rewards[t] = step.reward();
                observation = step.observation();
            }
        }
        return rewards;
    }
}
