package org.bomrl.example;

import io.vavr.control.Option;
import org.bomrl.api.env.DiscreteSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.env.Task;

/** One bandit task: a single state, two arms, {@code reward} for arm {@code goodArm}. */
final class BanditTask
        implements Task<Integer, Integer>
{
    private final String id;
    private final int goodArm;
    private final double reward;
    private final int horizon;
    private final TabularMdp model;

    BanditTask(String id, int goodArm, double reward, int horizon, double gamma)
    {
        this.id = id;
        this.goodArm = goodArm;
        this.reward = reward;
        this.horizon = horizon;
        double[] rewards = new double[2];
        rewards[goodArm] = reward;
        this.model = new TabularMdp(1, 2, new double[] {1, 1}, rewards, gamma, horizon, new double[] {1});
    }

    @Override
    public String id()
    {
        return id;
    }

    @Override
    public Option<TabularMdp> exactModel()
    {
        return Option.some(model);
    }

    @Override
    public Environment<Integer, Integer> newEnvironment()
    {
        return new Environment<>()
        {
            private int steps = -1;

            @Override
            public Space observationSpace()
            {
                return new DiscreteSpace(1);
            }

            @Override
            public Space actionSpace()
            {
                return new DiscreteSpace(2);
            }

            @Override
            public Integer reset(long seed)
            {
                steps = 0;
                return 0;
            }

            @Override
            public Step<Integer> step(Integer action)
            {
                if (steps < 0 || (horizon > 0 && steps >= horizon)) {
                    throw new IllegalStateException("step without reset or after the episode ended");
                }
                if (action == null || action < 0 || action > 1) {
                    throw new IllegalArgumentException("action must be 0 or 1: " + action);
                }
                steps++;
                return new Step<>(0, action == goodArm ? reward : 0, false, steps == horizon);
            }
        };
    }
}
