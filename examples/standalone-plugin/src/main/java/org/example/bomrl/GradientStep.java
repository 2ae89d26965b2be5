package org.example.bomrl;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * One gradient step on the surrogate S(θ) = Σ_s ν(s) Σ_a π_θ(a|s) Q(s,a) of the round:
 * θ = φ + α∇S(φ), with ∂S/∂φ(s,a) = ν(s) π(a|s) A(s,a) and A = Q − Σ_b π(b|·) Q(·,b). Its exact
 * hypergradient (data held fixed) is h = (I + α∇²S)ᵀ g = g + α∇²S g, where per state
 * ∇²S_ab = ν [(δ_ab − π_b) π_a A_a − π_a π_b A_b] (symmetric). Immutable and thread-safe.
 */
final class GradientStep
        implements TabularAdaptation
{
    private final double alpha;

    GradientStep(double alpha)
    {
        this.alpha = alpha;
    }

    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        double[] theta = prior.logits();
        int actions = prior.actions();
        for (int s = 0; s < prior.states(); s++) {
            double mean = mean(prior, round, s);
            for (int a = 0; a < actions; a++) {
                theta[s * actions + a] += alpha * round.visitation(s) * prior.probability(s, a) * (round.q(s, a) - mean);
            }
        }
        return TabularSoftmaxPolicy.of(prior.states(), actions, theta);
    }

    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        double[] h = adaptedGradient.clone();
        int actions = prior.actions();
        for (int s = 0; s < prior.states(); s++) {
            double mean = mean(prior, round, s);
            for (int a = 0; a < actions; a++) {
                double pa = prior.probability(s, a);
                double sum = 0;
                for (int b = 0; b < actions; b++) {
                    double pb = prior.probability(s, b);
                    double hessian = ((a == b ? 1 : 0) - pb) * pa * (round.q(s, a) - mean) - pa * pb * (round.q(s, b) - mean);
                    sum += hessian * adaptedGradient[s * actions + b];
                }
                h[s * actions + a] += alpha * round.visitation(s) * sum; // second-order term
            }
        }
        return h;
    }

    private static double mean(TabularSoftmaxPolicy policy, TabularRound round, int state)
    {
        double mean = 0;
        for (int a = 0; a < policy.actions(); a++) {
            mean += policy.probability(state, a) * round.q(state, a);
        }
        return mean;
    }
}
