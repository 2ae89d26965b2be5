package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.Arrays;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * MAML on Gaussian policies (spec §7.3, MAML and MAML-TRPO): one inner step on the pre-update
 * batch 𝒟 of π_φ with the data held fixed,
 * <pre>θ(φ) = φ + α ∇_φ Ĵ_𝒟(φ)</pre>
 * ({@link InnerStep}, Ĵ the declared {@link InnerObjective}), and the meta-gradient through it,
 * g = ∇_θ Ĵ_𝒟'(θ) the learner's post-update policy gradient:
 * <pre>second order h = (I + α ∇²_φ Ĵ_𝒟(φ))ᵀ g,   first order h = g.</pre>
 * The task's outer surrogate is the post-update surrogate of spec §7.3,
 * <pre>ℓ_τ(φ') = −g · θ(φ')   (second order),   ℓ_τ(φ') = −g · φ'   (first order),</pre>
 * with g and 𝒟 constants, so ∇ℓ_τ(φ) = −h; a TRPO outer step line-searches on it. In meta-test
 * round k ≥ 1 the step is α·{@code laterRoundFactor} (MAML-TRPO: α then α/2). {@link MetaGradient#state()}
 * holds [g, Â]. Immutable and thread-safe.
 */
final class GaussianMaml
        implements GaussianAdaptation
{
    private final InnerStep step;
    private final HypergradientOrder order;
    private final double laterRoundFactor;

    /** @param laterRoundFactor the factor on α in meta-test rounds k ≥ 1, in (0, 1] */
    GaussianMaml(InnerStep step, HypergradientOrder order, double laterRoundFactor)
    {
        this.step = requireNonNull(step, "step is null");
        this.order = requireNonNull(order, "order is null");
        if (!(laterRoundFactor > 0 && laterRoundFactor <= 1)) {
            throw new IllegalArgumentException("later-round factor must be in (0, 1]: " + laterRoundFactor);
        }
        this.laterRoundFactor = laterRoundFactor;
    }

    InnerStep step()
    {
        return step;
    }

    HypergradientOrder order()
    {
        return order;
    }

    double laterRoundFactor()
    {
        return laterRoundFactor;
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        return adaptRound(0, policy, phi, batch, advantages);
    }

    /** θ = φ + α_k ∇Ĵ_𝒟(φ) with α_0 = α and α_k = α·laterRoundFactor for k ≥ 1. */
    @Override
    public AdaptationResult adaptRound(int round, GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        if (round < 0) {
            throw new IllegalArgumentException("round is negative: " + round);
        }
        double alpha = round == 0 ? step.stepSize() : step.stepSize() * laterRoundFactor;
        return step.adapt(policy, phi, batch, advantages, alpha, "one step");
    }

    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient)
    {
        if (adaptedGradient.length != phi.length) {
            throw new IllegalArgumentException("adapted gradient has " + adaptedGradient.length + " entries for " + phi.length + " parameters");
        }
        double[] h = adaptedGradient.clone();
        if (order == HypergradientOrder.SECOND) {
            step.jacobianTransposeTimes(policy, phi, batch, advantages, adaptedGradient, h);
        }
        for (int i = 0; i < h.length; i++) {
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("MAML meta-gradient h[" + i + "] = " + h[i] + " is not finite (g = " + adaptedGradient[i] + ")");
            }
        }
        double[] state = Arrays.copyOf(adaptedGradient, phi.length + advantages.length);
        System.arraycopy(advantages, 0, state, phi.length, advantages.length);
        return new MetaGradient(h, state, false);
    }

    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        int n = phiPrime.length;
        double[] g = metaGradient.state();
        double[] theta = order == HypergradientOrder.SECOND ? step.theta(policy, phiPrime, batch, advantages(metaGradient, n, batch), step.stepSize()) : phiPrime;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss -= g[i] * theta[i];
        }
        return loss;
    }

    /** out = −(I + α∇²Ĵ_𝒟(φ'))ᵀ g (second order) or −g (first order). */
    @Override
    public void surrogateLossGradient(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient, double[] out)
    {
        int n = phiPrime.length;
        double[] g = Arrays.copyOf(metaGradient.state(), n);
        if (order == HypergradientOrder.SECOND) {
            step.jacobianTransposeTimes(policy, phiPrime, batch, advantages(metaGradient, n, batch), g, out);
        }
        else {
            System.arraycopy(g, 0, out, 0, n);
        }
        for (int i = 0; i < n; i++) {
            out[i] = -out[i];
        }
    }

    private static double[] advantages(MetaGradient metaGradient, int parameters, TrajectoryBatch batch)
    {
        double[] state = metaGradient.state();
        if (state.length != parameters + batch.steps()) {
            throw new IllegalArgumentException("MAML meta-gradient state has " + state.length + " values; expected " + parameters + " + " + batch.steps()
                    + " (g and the batch's advantages)");
        }
        return Arrays.copyOfRange(state, parameters, state.length);
    }

    @Override
    public String toString()
    {
        return "GaussianMaml[α=" + step.stepSize() + ", " + step.objective().setting() + ", " + order.name().toLowerCase(Locale.ROOT) + " order, later rounds ×"
                + laterRoundFactor + "]";
    }
}
