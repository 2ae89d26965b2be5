package org.bomrl.numerics.optim;

/**
 * Adam (Kingma &amp; Ba 2015) for gradient ascent: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * x ← x + η m̂/(√v̂ + ε) with bias-corrected m̂, v̂. The state (m, v, t) can be exported and
 * restored for checkpoints. Not thread-safe.
 */
public final class Adam
{
    public Adam(int dimension, double learningRate, double betaOne, double betaTwo, double epsilon)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
