package org.bomrl.core.adapt;

import org.bomrl.numerics.tabular.Softmax;

import static java.util.Objects.requireNonNull;

/**
 * Alg(1) as the paper's Frozen-Lake code computes it (spec §2.4.1 "as coded"): from θ_s = φ_s,
 * K plain gradient-descent steps θ_s ← θ_s − η ∇ℓ_s(θ_s) on
 *
 * <pre>ℓ_s(θ) = Σ_a −π_θ(a) A_φ(s,a)/λ + k·Σ_a π_φ(a) (log clip(π_φ(a)) − log clip(π_θ(a))),</pre>
 *
 * with A_φ = Q − π_φ·Q, clip(x) = min(max(x, ε), 1), and (paper values) K = 20, η = 0.6,
 * k = 4, ε = 1e-4. The clip applies inside the logs only (our reading of "clips both
 * distributions before the logs"). Its exact gradient, with F(π) = diag π − ππᵀ and
 * m_a = 1 where ε ≤ π_θ(a) ≤ 1 (the clip passes the gradient) and 0 where it clips, is
 *
 * <pre>∇ℓ_s = −F(π_θ) A_φ/λ + k (π_θ (Σ_a π_φ(a) m_a) − π_φ ⊙ m).</pre>
 *
 * Minimising ℓ_s is maximising Σ_a π_θ(a)A_φ − kλ·KL(π_φ‖π_θ) while no probability is clipped,
 * so the iterates approach Alg(1)'s exact solution at the effective regulariser kλ (spec §6
 * item 4). The adapted logits are log softmax(θ_s) (spec §2.4.1). Holds work buffers: not
 * thread-safe.
 */
final class AsCodedAlg1
        implements StateSolver
{
    private final AsCodedParameters parameters;
    private final double[] prior;
    private final double[] adapted;
    private final double[] advantage;

    AsCodedAlg1(AsCodedParameters parameters, int actions)
    {
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.prior = new double[actions];
        this.adapted = new double[actions];
        this.advantage = new double[actions];
    }

    @Override
    public void solve(double[] phi, double[] q, int offset, int actions, double lambda, double[] theta)
    {
        Softmax.probabilities(phi, offset, actions, prior);
        double baseline = 0;
        for (int a = 0; a < actions; a++) {
            baseline += prior[a] * q[offset + a];
        }
        for (int a = 0; a < actions; a++) {
            advantage[a] = q[offset + a] - baseline;
        }
        System.arraycopy(phi, offset, theta, offset, actions);
        double k = parameters.klFactor();
        double clip = parameters.clip();
        for (int step = 0; step < parameters.steps(); step++) {
            Softmax.probabilities(theta, offset, actions, adapted);
            double expectedAdvantage = 0;
            double unclippedPriorMass = 0;
            for (int a = 0; a < actions; a++) {
                expectedAdvantage += adapted[a] * advantage[a];
                if (adapted[a] >= clip && adapted[a] <= 1) {
                    unclippedPriorMass += prior[a];
                }
            }
            for (int a = 0; a < actions; a++) {
                double surrogate = -adapted[a] * (advantage[a] - expectedAdvantage) / lambda;
                double passes = adapted[a] >= clip && adapted[a] <= 1 ? 1 : 0;
                double kl = k * (adapted[a] * unclippedPriorMass - prior[a] * passes);
                theta[offset + a] -= parameters.learningRate() * (surrogate + kl);
            }
        }
        Softmax.probabilities(theta, offset, actions, adapted);
        for (int a = 0; a < actions; a++) {
            double logProbability = Math.log(adapted[a]);
            if (!Double.isFinite(logProbability)) {
                throw new ArithmeticException("state " + offset / actions + ": as-coded Alg(1) drove π(a=" + a + ") to " + adapted[a] + " (λ = " + lambda + ")");
            }
            theta[offset + a] = logProbability;
        }
    }
}
