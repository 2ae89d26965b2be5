package org.bomrl.core.adapt;

/**
 * The paper's tabular Alg(1) optimiser (spec §2.4.1 "as coded"): {@code steps} plain SGD steps of
 * size {@code learningRate} from θ_s = φ_s on Σ_a[−π_θ(a)A_φ(s,a)/λ] + {@code klFactor}·KL_clip(π_φ‖π_θ),
 * probabilities clipped to [{@code clip}, 1] inside the logs.
 */
record AsCodedParameters(int steps, double learningRate, double klFactor, double clip)
{
    /** The released code's values: 20 steps, learning rate 0.6, factor 4 (|A| on Frozen Lake), clip 1e-4. */
    static final AsCodedParameters PAPER = new AsCodedParameters(20, 0.6, 4, 1e-4);

    AsCodedParameters
    {
        if (steps < 0) {
            throw new IllegalArgumentException("as-coded steps must be non-negative: " + steps);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("as-coded learning rate must be positive: " + learningRate);
        }
        if (!(klFactor > 0 && Double.isFinite(klFactor))) {
            throw new IllegalArgumentException("as-coded KL factor must be positive: " + klFactor);
        }
        if (!(clip > 0 && clip < 1)) {
            throw new IllegalArgumentException("as-coded clip must be in (0, 1): " + clip);
        }
    }
}
