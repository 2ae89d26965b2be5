package org.bomrl.core.rollout;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;
import org.bomrl.api.env.Task;

import java.util.SplittableRandom;

/**
 * A one-dimensional test task: x₀ ∼ U[−1, 1] from the reset seed, x' = x + a, reward −|x' − goal|,
 * truncated after {@code limit} steps; terminated when |x'| &gt; {@code wall} (0: never).
 */
record RandomWalkTask(double goal, int limit, double wall)
        implements Task<double[], double[]>
{
    @Override
    public String id()
    {
        return "goal=" + goal;
    }

    @Override
    public Environment<double[], double[]> newEnvironment()
    {
        return new Environment<>()
        {
            private double x;
            private int t;

            @Override
            public Space observationSpace()
            {
                return new BoxSpace(new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY});
            }

            @Override
            public Space actionSpace()
            {
                return observationSpace();
            }

            @Override
            public double[] reset(long seed)
            {
                SplittableRandom random = RandomSource.seeded(seed).generator();
                x = random.nextDouble(-1, 1);
                t = 0;
                return new double[] {x};
            }

            @Override
            public Step<double[]> step(double[] action)
            {
                x += action[0];
                t++;
                boolean terminated = wall > 0 && Math.abs(x) > wall;
                return new Step<>(new double[] {x}, -Math.abs(x - goal), terminated, !terminated && t >= limit);
            }
        };
    }
}
