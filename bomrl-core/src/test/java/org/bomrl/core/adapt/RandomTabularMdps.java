package org.bomrl.core.adapt;

import org.bomrl.api.env.TabularMdp;

import java.util.SplittableRandom;

/** Seeded random infinite-horizon MDPs for tests: Dirichlet(1) transition rows and ρ, rewards uniform in [−1, 1]. */
final class RandomTabularMdps
{
    private RandomTabularMdps() {}

    static TabularMdp mdp(SplittableRandom random, int states, int actions, double gamma)
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
        return new TabularMdp(states, actions, transition, reward, gamma, TabularMdp.INFINITE_HORIZON, initial);
    }

    /** Logits uniform in [−scale, scale]. */
    static double[] logits(SplittableRandom random, int size, double scale)
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
