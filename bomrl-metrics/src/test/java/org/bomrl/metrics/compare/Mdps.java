package org.bomrl.metrics.compare;

import org.bomrl.api.env.TabularMdp;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small MDPs with known optima for the comparator tests. */
final class Mdps
{
    private Mdps() {}

    /** One state, horizon 1: action a pays {@code rewards[a]}, so J(π) = Σ_a π(a) rewards[a]. */
    static TabularMdp bandit(double... rewards)
    {
        int actions = rewards.length;
        double[] transition = new double[actions];
        Arrays.fill(transition, 1);
        return new TabularMdp(1, actions, transition, rewards.clone(), 1, 1, new double[] {1});
    }

    /**
     * States {0: live, 1: absorbing, reward 0}, actions {stay, leave}, horizon 2, γ = 1, start in 0.
     * "stay" pays {@code stay} and remains in 0, "leave" pays {@code leave} and moves to 1. With
     * p = π(stay|0): J = stay·(p + p²) + leave·(1 − p)(1 + p).
     */
    static TabularMdp stayOrLeave(double stay, double leave)
    {
        int states = 2;
        int actions = 2;
        double[] transition = new double[states * actions * states];
        double[] reward = new double[states * actions * states];
        transition[index(0, 0, 0)] = 1;
        reward[index(0, 0, 0)] = stay;
        transition[index(0, 1, 1)] = 1;
        reward[index(0, 1, 1)] = leave;
        transition[index(1, 0, 1)] = 1;
        transition[index(1, 1, 1)] = 1;
        return new TabularMdp(states, actions, transition, reward, 1, 2, new double[] {1, 0});
    }

    /** A dense random MDP with infinite horizon. */
    static TabularMdp random(SplittableRandom random, int states, int actions, double gamma)
    {
        double[] transition = new double[states * actions * states];
        double[] reward = new double[states * actions * states];
        for (int sa = 0; sa < states * actions; sa++) {
            double sum = 0;
            for (int next = 0; next < states; next++) {
                transition[sa * states + next] = random.nextDouble() + 0.05;
                sum += transition[sa * states + next];
                reward[sa * states + next] = random.nextDouble() * 2 - 1;
            }
            for (int next = 0; next < states; next++) {
                transition[sa * states + next] /= sum;
            }
        }
        double[] initial = new double[states];
        Arrays.fill(initial, 1.0 / states);
        return new TabularMdp(states, actions, transition, reward, gamma, TabularMdp.INFINITE_HORIZON, initial);
    }

    private static int index(int state, int action, int next)
    {
        return (state * 2 + action) * 2 + next;
    }
}
