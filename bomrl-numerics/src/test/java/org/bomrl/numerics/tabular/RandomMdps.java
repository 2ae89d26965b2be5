package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;

import java.util.SplittableRandom;

/** Seeded random tabular MDPs and policies for tests: Dirichlet(1) rows, uniform rewards in [−1, 1]. */
final class RandomMdps
{
    private RandomMdps() {}

    static TabularMdp mdp(SplittableRandom random, int states, int actions, double gamma, int horizon)
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

    /** A random stochastic policy π(a|s) at s·|A| + a. */
    static double[] policy(SplittableRandom random, int states, int actions)
    {
        double[] policy = new double[states * actions];
        for (int s = 0; s < states; s++) {
            dirichlet(random, policy, s * actions, actions);
        }
        return policy;
    }

    /** Random logits in [−2, 2]. */
    static double[] logits(SplittableRandom random, int size)
    {
        double[] theta = new double[size];
        for (int i = 0; i < size; i++) {
            theta[i] = random.nextDouble(-2, 2);
        }
        return theta;
    }

    /** Row-wise softmax of θ. */
    static double[] softmax(double[] theta, int states, int actions)
    {
        double[] policy = new double[theta.length];
        org.bomrl.api.policy.TabularSoftmaxPolicy.softmax(theta, policy, states, actions);
        return policy;
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
