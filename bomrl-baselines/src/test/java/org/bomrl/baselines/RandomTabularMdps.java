package org.bomrl.baselines;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;

import java.util.SplittableRandom;

/** Seeded random tabular MDPs and logits for tests: Dirichlet(1) transition rows and ρ, rewards uniform in [−1, 1]. */
final class RandomTabularMdps
{
    private RandomTabularMdps() {}

    /** An MDP drawn from {@code source}; {@code horizon} is a step count or {@link TabularMdp#INFINITE_HORIZON}. */
    static TabularMdp mdp(RandomSource source, int states, int actions, double gamma, int horizon)
    {
        SplittableRandom random = source.derive("mdp").generator();
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

    /** Logits uniform in [−{@code scale}, {@code scale}]. */
    static double[] logits(RandomSource source, int size, double scale)
    {
        SplittableRandom random = source.derive("logits").generator();
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
