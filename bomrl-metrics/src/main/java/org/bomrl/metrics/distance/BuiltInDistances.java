package org.bomrl.metrics.distance;

import org.bomrl.api.distance.PolicyDistanceFactory;

import java.util.List;

/**
 * The built-in policy distances of spec §2.3 (Alg(1)–(3)) and the probability-space Alg(3) variant. Alg(1)–(3) serve
 * both tabular softmax and Gaussian policies (spec §2.5); the probability-space variant is tabular only.
 */
public final class BuiltInDistances
{
    private BuiltInDistances() {}

    /** Factories named {@code distance.kl-prior-adapted}, {@code distance.kl-adapted-prior}, {@code distance.squared-euclidean}, {@code distance.squared-euclidean-probabilities}. */
    public static List<PolicyDistanceFactory> factories()
    {
        return List.of(
                new DistanceFactory(KlPriorAdapted.NAME, "KL(π_φ‖π_θ) per state, averaged over ν (tabular) or over the observed states (Gaussian): Alg(1), the TRPO/PPO direction", new KlPriorAdapted()),
                new DistanceFactory(KlAdaptedPrior.NAME, "KL(π_θ‖π_φ) per state, averaged over ν (tabular) or over the observed states (Gaussian): Alg(2), the mirror-descent/NPG direction", new KlAdaptedPrior()),
                new DistanceFactory(SquaredEuclidean.NAME, "‖θ_s − φ_s‖² on logits averaged over ν (tabular), ‖θ − φ‖² over all parameters (Gaussian): Alg(3) in parameter space", new SquaredEuclidean()),
                new DistanceFactory(SquaredEuclideanProbabilities.NAME, "‖π_θ(·|s) − π_φ(·|s)‖² on probabilities, averaged over ν: Alg(3) as a projection",
                        new SquaredEuclideanProbabilities()));
    }
}
