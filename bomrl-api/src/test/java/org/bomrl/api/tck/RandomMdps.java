package org.bomrl.api.tck;

import org.bomrl.api.env.TabularMdp;

import java.util.SplittableRandom;

/**
 * Seeded random tabular MDPs, policies and logits for tests of plugins and of the framework:
 * Dirichlet(1) transition rows and initial distribution, rewards uniform in [−1, 1].
 */
public final class RandomMdps
{
    private RandomMdps() {}

    /** An MDP with the given sizes, discount and horizon ({@link TabularMdp#INFINITE_HORIZON} for none). */
    public static TabularMdp mdp(SplittableRandom random, int states, int actions, double gamma, int horizon)
    {
        double[] transition = new double[states * actions * states];
        double[] reward = new double[transition.length];
        for (int sa = 0; sa < states * actions; sa++) {
            dirichlet(random, transition, sa * states, states);
        }
        for (int i = 0; i < reward.length; i++) {
            reward[i] = random.nextDouble(-1, 1);
        }
        double[] initial = new double[states];
        dirichlet(random, initial, 0, states);
        return new TabularMdp(states, actions, transition, reward, gamma, horizon, initial);
    }

    /** A random stochastic policy π(a|s) at {@code s·|A| + a}, each row Dirichlet(1). */
    public static double[] policy(SplittableRandom random, int states, int actions)
    {
        double[] policy = new double[states * actions];
        for (int s = 0; s < states; s++) {
            dirichlet(random, policy, s * actions, actions);
        }
        return policy;
    }

    /** Logits uniform in [−scale, scale]. */
    public static double[] logits(SplittableRandom random, int size, double scale)
    {
        double[] theta = new double[size];
        for (int i = 0; i < size; i++) {
            theta[i] = random.nextDouble(-scale, scale);
        }
        return theta;
    }

    private static void dirichlet(SplittableRandom random, double[] out, int offset, int length)
    {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            out[offset + i] = -Math.log(1 - random.nextDouble());
            sum += out[offset + i];
        }
        for (int i = 0; i < length; i++) {
            out[offset + i] /= sum;
        }
    }
}
