package org.bomrl.core.optim;

import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.numerics.optim.Adam;

import java.util.Map;

/**
 * φ ← Adam-ascent(φ, ĝ) (spec §3.1, §5a: Adam lr 0.03 on −mean h as PyTorch's gradient). State:
 * the first and second moments and the step count, restored bit for bit.
 */
final class AdamAscent
        implements OuterOptimizer
{
    private final int dimension;
    private final double learningRate;
    private final double betaOne;
    private final double betaTwo;
    private final double epsilon;
    private Adam adam;

    AdamAscent(int dimension, double learningRate, double betaOne, double betaTwo, double epsilon)
    {
        this.dimension = dimension;
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
        this.adam = new Adam(dimension, learningRate, betaOne, betaTwo, epsilon);
    }

    @Override
    public void step(double[] phi, MetaStep step)
    {
        adam.step(phi, step.gradient());
    }

    @Override
    public Map<String, double[]> state()
    {
        return Map.of("firstMoment", adam.firstMoment(), "secondMoment", adam.secondMoment(), "steps", new double[] {adam.steps()});
    }

    @Override
    public void restore(Map<String, double[]> state)
    {
        double[] steps = OptimizerStates.get(state, "steps", 1);
        adam = Adam.restore(dimension, learningRate, betaOne, betaTwo, epsilon, OptimizerStates.get(state, "firstMoment", dimension),
                OptimizerStates.get(state, "secondMoment", dimension), (long) steps[0]);
    }
}
