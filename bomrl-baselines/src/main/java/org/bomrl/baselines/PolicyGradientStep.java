package org.bomrl.baselines;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.SurrogateGradient;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * One plain policy-gradient step per round on the ν-normalised gradient (spec §5a "Baselines as
 * coded", §2.8):
 *
 * <pre>θ = φ + α·h(φ),   h(s,a) = ν(s)·π_φ(a|s)·(Q(s,a) − Σ_b π_φ(b|s) Q(s,b))</pre>
 *
 * with Q and ν the round's data of the data policy, which is the prior π_φ ({@link SurrogateGradient}).
 * Used as a within-task algorithm from the BO-MRL prior it is the paper's "MAML" curve (α = 50);
 * it is also MAML's inner step (spec §7.3), so with a meta-trained prior it is FO-MAML or MAML.
 *
 * <p>Meta-gradient, data held fixed (spec §3.2 (*) with ∂θ/∂φ = I + α∇²_φ Ŝ(φ), §7.3 MAML):
 * first order h_meta = g; second order h_meta = (I + α∇²_φ Ŝ(φ))ᵀ g = g + α ∇²_φ Ŝ(φ) g, where
 * ∇²Ŝ is block-diagonal with blocks ν(s)·M(π_φ, Q_s) ({@link SurrogateHessian}, spec §3.6) and
 * g = ∇_θ J(θ) at the adapted policy.
 *
 * <p>On Gaussian policies the same step is {@link GaussianMaml} when one is given.
 *
 * <p>Immutable and thread-safe; every call allocates its own |S|·|A| work arrays.
 */
final class PolicyGradientStep
        implements AdaptationAlgorithm, TabularAdaptation
{
    private final double stepSize;
    private final HypergradientOrder order;
    private final Option<GaussianAdaptation> gaussian;

    /** @param stepSize α &gt; 0, finite */
    PolicyGradientStep(double stepSize, HypergradientOrder order)
    {
        this(stepSize, order, Option.none());
    }

    /**
     * @param stepSize α &gt; 0, finite
     * @param gaussian the view on Gaussian policies, if any
     */
    PolicyGradientStep(double stepSize, HypergradientOrder order, Option<GaussianAdaptation> gaussian)
    {
        this.gaussian = requireNonNull(gaussian, "gaussian is null");
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("step size α must be positive and finite: " + stepSize);
        }
        this.stepSize = stepSize;
        this.order = requireNonNull(order, "order is null");
    }

    /** α. */
    double stepSize()
    {
        return stepSize;
    }

    HypergradientOrder order()
    {
        return order;
    }

    @Override
    public Option<TabularAdaptation> tabular()
    {
        return Option.some(this);
    }

    @Override
    public Option<GaussianAdaptation> gaussian()
    {
        return gaussian;
    }

    /**
     * θ = φ + α·h(φ).
     *
     * @throws IllegalArgumentException if the round's |S|, |A| differ from the prior's
     * @throws ArithmeticException naming the state and values if h or θ is not finite
     */
    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        requireNonNull(prior, "prior is null");
        requireNonNull(round, "round is null");
        checkShape(prior, round);
        double[] phi = prior.logits();
        double[] h = SurrogateGradient.at(prior.probabilities(), round);
        double[] theta = new double[phi.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = phi[i] + stepSize * h[i];
            if (!Double.isFinite(theta[i])) {
                throw new ArithmeticException("policy-gradient step: θ(s=" + i / prior.actions() + ", a=" + i % prior.actions() + ") = "
                        + theta[i] + " is not finite (φ = " + phi[i] + ", α = " + stepSize + ", h = " + h[i] + ")");
            }
        }
        return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), theta);
    }

    /**
     * h_meta = g (first order) or g + α ∇²_φ Ŝ(φ) g (second order), at the prior with the round's
     * data held fixed; {@code adapted} is not needed beyond its shape.
     *
     * @param adaptedGradient g = ∇_θ J(θ), |S|·|A| entries, not modified
     * @throws IllegalArgumentException if shapes differ
     * @throws ArithmeticException naming the state if an entry is not finite
     */
    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        requireNonNull(prior, "prior is null");
        requireNonNull(adapted, "adapted is null");
        requireNonNull(round, "round is null");
        requireNonNull(adaptedGradient, "adaptedGradient is null");
        checkShape(prior, round);
        if (adapted.states() != prior.states() || adapted.actions() != prior.actions()) {
            throw new IllegalArgumentException("adapted policy has |S|=" + adapted.states() + ", |A|=" + adapted.actions()
                    + " but the prior has |S|=" + prior.states() + ", |A|=" + prior.actions());
        }
        if (adaptedGradient.length != prior.states() * prior.actions()) {
            throw new IllegalArgumentException("adapted gradient must have |S|·|A| = " + prior.states() * prior.actions() + " entries: "
                    + adaptedGradient.length);
        }
        double[] hypergradient = adaptedGradient.clone();
        if (order == HypergradientOrder.SECOND) {
            double[] curvature = SurrogateHessian.times(prior.probabilities(), round, adaptedGradient);
            for (int i = 0; i < hypergradient.length; i++) {
                hypergradient[i] += stepSize * curvature[i];
            }
        }
        for (int i = 0; i < hypergradient.length; i++) {
            if (!Double.isFinite(hypergradient[i])) {
                throw new ArithmeticException("policy-gradient hypergradient at (s=" + i / prior.actions() + ", a=" + i % prior.actions()
                        + ") is not finite: " + hypergradient[i] + " (g = " + adaptedGradient[i] + ", α = " + stepSize + ")");
            }
        }
        return hypergradient;
    }

    private static void checkShape(TabularSoftmaxPolicy prior, TabularRound round)
    {
        if (round.states() != prior.states() || round.actions() != prior.actions()) {
            throw new IllegalArgumentException("round has |S|=" + round.states() + ", |A|=" + round.actions()
                    + " but the prior has |S|=" + prior.states() + ", |A|=" + prior.actions());
        }
    }

    @Override
    public String toString()
    {
        return "PolicyGradientStep[α=" + stepSize + ", " + order.name().toLowerCase(Locale.ROOT) + " order]";
    }
}
