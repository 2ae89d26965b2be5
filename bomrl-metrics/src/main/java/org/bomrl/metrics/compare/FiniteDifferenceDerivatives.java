package org.bomrl.metrics.compare;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

import java.util.function.DoubleUnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The derivatives of a within-task algorithm's solution map θ* = Alg(π_φ; Q, ν) contracted with g,
 * by finite differences, for algorithms without {@link TabularAdaptation#exactHypergradient}
 * (spec §1.3, §3.2, §3.6):
 *
 * <pre>prior_i = ∂/∂φ_i gᵀθ*,   actionValues_i = ∂/∂Q_i gᵀθ*,   visitation_s = ∂/∂ν(s) gᵀθ*,</pre>
 *
 * the first two the numerical counterparts of {@link org.bomrl.api.adapt.ExactHypergradient}'s parts;
 * the third is needed because such algorithms may depend on ν (a policy-gradient step, a trust
 * region). Each is the Richardson extrapolation (4D(h/2) − D(h))/3 of central differences
 * D(h) = (f(h) − f(−h))/2h with h = {@value #STEP} (truncation O(h⁴) where the map is smooth,
 * rounding ≈ 1e-16·|gᵀθ*|/h); ν is perturbed relatively, ν(s)(1 ± h), so it stays non-negative,
 * and visitation_s = 0 where ν(s) = 0. Where the map is not smooth (the as-coded solver's clip) the
 * result is a slope over [−h, h], not a derivative. 8·|S|·|A| + 4·|S| calls of {@code adapt}. The
 * round's other fields (mean return, episodes) are held fixed. g must sum to zero in every state,
 * as any ∇_θJ of softmax logits does, so that gᵀθ* does not depend on the per-state constant up to
 * which adapted logits are defined. Stateless.
 */
final class FiniteDifferenceDerivatives
{
    /** The larger step h of the Richardson pair (h, h/2), in logits, action values and relative visitation. */
    static final double STEP = 1e-3;

    /** The three contracted derivatives, |S|·|A|, |S|·|A| and |S| entries. */
    record Parts(double[] prior, double[] actionValues, double[] visitation)
    {
        Parts
        {
            requireNonNull(prior, "prior is null");
            requireNonNull(actionValues, "actionValues is null");
            requireNonNull(visitation, "visitation is null");
        }
    }

    private FiniteDifferenceDerivatives() {}

    /**
     * The derivatives at ({@code prior}, {@code round}) against {@code g}.
     *
     * @throws ArithmeticException from {@code adapt} at a perturbed point
     */
    static Parts of(TabularAdaptation algorithm, TabularSoftmaxPolicy prior, TabularRound round, double[] g)
    {
        int states = prior.states();
        int actions = prior.actions();
        double[] phi = prior.logits();
        double[] q = round.q();
        double[] nu = round.visitation();
        double[] priorPart = new double[g.length];
        double[] actionValuePart = new double[g.length];
        double[] visitationPart = new double[states];
        for (int i = 0; i < g.length; i++) {
            int coordinate = i;
            priorPart[i] = richardson(step -> {
                double[] shifted = phi.clone();
                shifted[coordinate] += step;
                return contracted(algorithm, g, TabularSoftmaxPolicy.of(states, actions, shifted), round);
            });
            actionValuePart[i] = richardson(step -> {
                double[] shifted = q.clone();
                shifted[coordinate] += step;
                return contracted(algorithm, g, prior, new TabularRound(states, actions, shifted, nu, round.meanReturn(), round.episodes()));
            });
        }
        for (int s = 0; s < states; s++) {
            if (nu[s] == 0) {
                continue;
            }
            int state = s;
            double relative = richardson(step -> {
                double[] shifted = nu.clone();
                shifted[state] *= 1 + step;
                return contracted(algorithm, g, prior, new TabularRound(states, actions, q, shifted, round.meanReturn(), round.episodes()));
            });
            visitationPart[s] = relative / nu[s];
        }
        return new Parts(priorPart, actionValuePart, visitationPart);
    }

    /** gᵀAlg(prior; round). */
    private static double contracted(TabularAdaptation algorithm, double[] g, TabularSoftmaxPolicy prior, TabularRound round)
    {
        double[] theta = algorithm.adapt(prior, round).logits();
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            sum += g[i] * theta[i];
        }
        return sum;
    }

    /** (4D(h/2) − D(h))/3 with D(h) = (f(h) − f(−h))/2h, h = {@link #STEP}. */
    private static double richardson(DoubleUnaryOperator f)
    {
        double coarse = (f.applyAsDouble(STEP) - f.applyAsDouble(-STEP)) / (2 * STEP);
        double fine = (f.applyAsDouble(STEP / 2) - f.applyAsDouble(-STEP / 2)) / STEP;
        return (4 * fine - coarse) / 3;
    }
}
