package org.bomrl.baselines;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;
import org.bomrl.api.env.TaskDistribution;
import org.bomrl.api.policy.PolicyClass;
import org.bomrl.api.settings.InvalidSettingException;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.envs.lq.LinearQuadraticFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test data on the linear-quadratic family: a task with a short horizon, batches of episodes of a
 * policy in it, and Monte-Carlo advantages Â_t = Σ_{u≥t} γ^{u−t} r_u − mean (spec §3.5 step 1).
 */
final class LinearQuadraticBatches
{
    private LinearQuadraticBatches() {}

    /** Test task {@code index} of {@code env.linear-quadratic} with horizon {@code horizon}. */
    @SuppressWarnings("unchecked")
    static Task<double[], double[]> task(int horizon, int index)
    {
        LinearQuadraticFactory factory = new LinearQuadraticFactory();
        RunContext context = new RunContext(RandomSource.seeded(3), name -> {
            throw new InvalidSettingException("no distances here: " + name);
        });
        TaskDistribution<?, ?> distribution = factory.create(MapSettings.of("environment", Map.of("horizon", Integer.toString(horizon)), factory.settings()), context);
        return (Task<double[], double[]>) distribution.testTasks().get(index);
    }

    /** {@code episodes} episodes of π_θ, each seeded from {@code random.derive(e)}. */
    static TrajectoryBatch collect(Task<double[], double[]> task, PolicyClass policy, double[] theta, int episodes, int horizon, RandomSource random)
    {
        int dObs = policy.observationDimension();
        int dAct = policy.actionDimension();
        int rows = episodes * horizon;
        double[] observations = new double[rows * dObs];
        double[] actions = new double[rows * dAct];
        double[] rewards = new double[rows];
        double[] logProbabilities = new double[rows];
        boolean[] terminated = new boolean[rows];
        boolean[] truncated = new boolean[rows];
        double[] finals = new double[episodes * dObs];
        int[] starts = new int[episodes + 1];
        double[] action = new double[dAct];
        try (Environment<double[], double[]> environment = task.newEnvironment()) {
            for (int e = 0; e < episodes; e++) {
                starts[e] = e * horizon;
                SplittableRandom generator = random.derive(e).generator();
                double[] observation = environment.reset(random.derive(e).seed());
                for (int t = 0; t < horizon; t++) {
                    int row = e * horizon + t;
                    System.arraycopy(observation, 0, observations, row * dObs, dObs);
                    logProbabilities[row] = policy.sample(theta, observation, generator, action);
                    System.arraycopy(action, 0, actions, row * dAct, dAct);
                    Step<double[]> step = environment.step(action.clone());
                    rewards[row] = step.reward();
                    truncated[row] = t == horizon - 1;
                    observation = step.observation();
                }
                System.arraycopy(observation, 0, finals, e * dObs, dObs);
            }
        }
        starts[episodes] = rows;
        return new TrajectoryBatch(task.id(), dObs, dAct, starts, observations, actions, rewards, logProbabilities, terminated, truncated, finals);
    }

    /** Â = discounted reward-to-go minus its batch mean. */
    static double[] advantages(TrajectoryBatch batch, double gamma)
    {
        double[] q = new double[batch.steps()];
        for (int e = 0; e < batch.episodes(); e++) {
            double tail = 0;
            for (int i = batch.episodeStart(e + 1) - 1; i >= batch.episodeStart(e); i--) {
                tail = batch.rewards()[i] + gamma * tail;
                q[i] = tail;
            }
        }
        double mean = Arrays.stream(q).average().orElseThrow();
        for (int i = 0; i < q.length; i++) {
            q[i] -= mean;
        }
        return q;
    }
}
