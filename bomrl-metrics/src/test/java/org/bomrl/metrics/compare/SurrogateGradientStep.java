package org.bomrl.metrics.compare;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * A hand-written one-step policy-gradient algorithm for comparator tests (spec §2.8): per state
 *
 * <pre>θ_s = φ_s + α w_s π_φ ⊙ (Q_s − π_φ·Q_s),   w_s = ν(s) if {@code weighted}, else 1.</pre>
 *
 * With per-state A = Q_s − π·Q_s, ∂θ_a∕∂φ_b = δ_ab + α w_s [(δ_ab − π_b) π_a A_a − π_a π_b A_b]
 * (symmetric in a, b) and ∂θ_a∕∂Q_b = α w_s π_a (δ_ab − π_b), so the exact parts are
 * h = g + α w_s ∇²S g and q̄_b = α w_s π_b (g_b − π·g). They are offered only when {@code exact}
 * and not {@code weighted} (a solution that depends on ν must not offer them); the weighted step
 * is a stand-in for {@code adapt.pg}. Immutable.
 */
record SurrogateGradientStep(double alpha, boolean weighted, boolean exact)
        implements AdaptationAlgorithm, TabularAdaptation
{
    SurrogateGradientStep
    {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be positive: " + alpha);
        }
        if (exact && weighted) {
            throw new IllegalArgumentException("a ν-weighted step depends on ν and offers no exact derivatives");
        }
    }

    @Override
    public Option<TabularAdaptation> tabular()
    {
        return Option.some(this);
    }

    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        double[] theta = prior.logits();
        int actions = prior.actions();
        for (int s = 0; s < prior.states(); s++) {
            double mean = mean(prior, round, s);
            for (int a = 0; a < actions; a++) {
                theta[s * actions + a] += alpha * weight(round, s) * prior.probability(s, a) * (round.q(s, a) - mean);
            }
        }
        return TabularSoftmaxPolicy.of(prior.states(), actions, theta);
    }

    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
    {
        double[] h = g.clone();
        int actions = prior.actions();
        for (int s = 0; s < prior.states(); s++) {
            double mean = mean(prior, round, s);
            for (int a = 0; a < actions; a++) {
                double pa = prior.probability(s, a);
                double sum = 0;
                for (int b = 0; b < actions; b++) {
                    double pb = prior.probability(s, b);
                    sum += (((a == b ? 1 : 0) - pb) * pa * (round.q(s, a) - mean) - pa * pb * (round.q(s, b) - mean)) * g[s * actions + b];
                }
                h[s * actions + a] += alpha * weight(round, s) * sum;
            }
        }
        return h;
    }

    @Override
    public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] g)
    {
        if (!exact) {
            return Option.none();
        }
        int actions = prior.actions();
        double[] actionValues = new double[g.length];
        for (int s = 0; s < prior.states(); s++) {
            double mean = 0;
            for (int a = 0; a < actions; a++) {
                mean += prior.probability(s, a) * g[s * actions + a];
            }
            for (int b = 0; b < actions; b++) {
                actionValues[s * actions + b] = alpha * weight(round, s) * prior.probability(s, b) * (g[s * actions + b] - mean);
            }
        }
        return Option.some(new ExactHypergradient(hypergradient(prior, adapted, round, g), actionValues));
    }

    private double weight(TabularRound round, int s)
    {
        return weighted ? round.visitation(s) : 1;
    }

    private static double mean(TabularSoftmaxPolicy prior, TabularRound round, int s)
    {
        double mean = 0;
        for (int a = 0; a < prior.actions(); a++) {
            mean += prior.probability(s, a) * round.q(s, a);
        }
        return mean;
    }
}
