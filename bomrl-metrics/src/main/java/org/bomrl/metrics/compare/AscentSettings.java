package org.bomrl.metrics.compare;

/**
 * How a meta-parameter comparator ascends its objective: {@code restarts} starts (the uniform
 * policy and {@code restarts − 1} random ones from {@code seed}), each {@code iterations} Adam
 * steps of size {@code learningRate}.
 */
record AscentSettings(int iterations, double learningRate, int restarts, long seed)
{
    AscentSettings
    {
        if (iterations < 1 || restarts < 1) {
            throw new IllegalArgumentException("iterations and restarts must be positive: " + iterations + ", " + restarts);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite: " + learningRate);
        }
    }

    @Override
    public String toString()
    {
        return "iterations=" + iterations + ", learning_rate=" + learningRate + ", restarts=" + restarts + ", seed=" + seed;
    }
}
