package org.bomrl.core.adapt;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;

/**
 * The exact-mode meta-objective of one task with the data held fixed (spec §3.2 (*)): Q and ν are
 * those of π_φ₀, computed once by exact policy evaluation, and F(φ) = J(π_{θ*(φ; Q, ν)}) is exact.
 * Its gradient by Richardson-extrapolated central differences is the independent reference the
 * hypergradients are checked against. Not thread-safe.
 */
final class ExactMetaObjective
{
    /** Central-difference step; Richardson's combination of h and h/2 has truncation O(h⁴) ≈ 1e-12. */
    static final double STEP = 1e-3;

    private final PolicyEvaluation evaluation;
    private final int states;
    private final int actions;
    private final TabularRound round;

    ExactMetaObjective(TabularMdp mdp, double[] phi)
    {
        this.evaluation = new PolicyEvaluation(mdp);
        this.states = mdp.states();
        this.actions = mdp.actions();
        Evaluation prior = evaluation.evaluate(policy(phi).probabilities());
        this.round = new TabularRound(states, actions, prior.q(), prior.visitation(), prior.value(), 0);
    }

    /** The same task with the round's visitation replaced (held fixed just the same). */
    ExactMetaObjective(TabularMdp mdp, TabularRound round)
    {
        this.evaluation = new PolicyEvaluation(mdp);
        this.states = mdp.states();
        this.actions = mdp.actions();
        this.round = round;
    }

    TabularRound round()
    {
        return round;
    }

    TabularSoftmaxPolicy policy(double[] logits)
    {
        return TabularSoftmaxPolicy.of(states, actions, logits);
    }

    /** F(φ) = J(adapt(φ; Q, ν)). */
    double value(TabularAdaptation algorithm, double[] phi)
    {
        return evaluation.value(algorithm.adapt(policy(phi), round).probabilities());
    }

    /** g = ∇_θ J at the adapted policy, exact. */
    double[] adaptedGradient(TabularSoftmaxPolicy adapted)
    {
        return evaluation.softmaxGradient(adapted.probabilities());
    }

    /** The hypergradient the algorithm reports at φ. */
    double[] hypergradient(TabularAdaptation algorithm, double[] phi)
    {
        TabularSoftmaxPolicy prior = policy(phi);
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
        return algorithm.hypergradient(prior, adapted, round, adaptedGradient(adapted));
    }

    /** ∇_φ F by Richardson extrapolation of central differences with steps h and h/2. */
    double[] finiteDifferences(TabularAdaptation algorithm, double[] phi)
    {
        double[] gradient = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            double coarse = central(algorithm, phi, i, STEP);
            double fine = central(algorithm, phi, i, STEP / 2);
            gradient[i] = (4 * fine - coarse) / 3;
        }
        return gradient;
    }

    private double central(TabularAdaptation algorithm, double[] phi, int i, double step)
    {
        double[] plus = phi.clone();
        double[] minus = phi.clone();
        plus[i] += step;
        minus[i] -= step;
        return (value(algorithm, plus) - value(algorithm, minus)) / (2 * step);
    }

    /** ‖a − b‖ / ‖b‖. */
    static double relativeError(double[] a, double[] b)
    {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            difference += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(difference / norm);
    }
}
