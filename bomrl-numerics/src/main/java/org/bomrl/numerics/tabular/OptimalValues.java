package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Optimal values of a tabular MDP (spec §1.3, the all-task optimum π*_τ): V*, Q*, a greedy optimal
 * deterministic policy and J* = Σ_s ρ(s) V*(s).
 *
 * <p>Finite horizon H: backward induction V*_H = 0, Q*_t = r + γPV*_{t+1}, V*_t = max_a Q*_t;
 * {@code v} and {@code q} hold V*_0 and Q*_0 (H steps to go) and {@code greedy} the optimal first
 * action. Infinite horizon: policy iteration with exact linear solves, stopped when the greedy
 * policy is stable. Ties (within a relative 1e-12) go to the lowest action.
 *
 * @param v V*(s)
 * @param q Q*(s,a) at {@code s·|A| + a}
 * @param greedy an optimal action per state
 * @param value J* = Σ_s ρ(s) V*(s)
 */
public record OptimalValues(double[] v, double[] q, int[] greedy, double value)
{
    /** Relative tolerance under which two action values count as tied. */
    private static final double TIE_TOLERANCE = 1e-12;
    private static final int MAX_POLICY_ITERATIONS = 100_000;

    public OptimalValues
    {
        requireNonNull(v, "v is null");
        requireNonNull(q, "q is null");
        requireNonNull(greedy, "greedy is null");
    }

    /**
     * Computes the optimal values of {@code mdp}.
     *
     * @throws ArithmeticException if a linear solve fails or policy iteration does not settle
     */
    public static OptimalValues of(TabularMdp mdp)
    {
        requireNonNull(mdp, "mdp is null");
        return mdp.finiteHorizon() ? backwardInduction(mdp) : policyIteration(mdp);
    }

    private static OptimalValues backwardInduction(TabularMdp mdp)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        PolicyEvaluation lookahead = new PolicyEvaluation(mdp);
        double[] v = new double[states];
        double[] q = new double[states * actions];
        for (int t = mdp.horizon() - 1; t >= 0; t--) {
            lookahead.actionValues(v, q);
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    best = Math.max(best, q[s * actions + a]);
                }
                v[s] = best;
            }
        }
        return finish(mdp, v, q);
    }

    private static OptimalValues policyIteration(TabularMdp mdp)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        PolicyEvaluation evaluation = new PolicyEvaluation(mdp);
        double[] v = new double[states];
        double[] q = new double[states * actions];
        double[] policy = new double[states * actions];
        int[] current = new int[states];
        // start from the myopic policy argmax_a r(s,a)
        evaluation.actionValues(v, q);
        for (int s = 0; s < states; s++) {
            current[s] = lowestBest(q, s, actions);
        }
        for (int iteration = 0; iteration < MAX_POLICY_ITERATIONS; iteration++) {
            Arrays.fill(policy, 0);
            for (int s = 0; s < states; s++) {
                policy[s * actions + current[s]] = 1;
            }
            evaluation.solveValues(policy, v);
            evaluation.actionValues(v, q);
            boolean stable = true;
            for (int s = 0; s < states; s++) {
                double incumbent = q[s * actions + current[s]];
                int best = current[s];
                double bestValue = incumbent;
                for (int a = 0; a < actions; a++) {
                    double candidate = q[s * actions + a];
                    if (candidate > bestValue) {
                        bestValue = candidate;
                        best = a;
                    }
                }
                if (bestValue > incumbent + tolerance(incumbent)) {
                    current[s] = best;
                    stable = false;
                }
            }
            if (stable) {
                return finish(mdp, v, q);
            }
        }
        throw new ArithmeticException("policy iteration did not settle in " + MAX_POLICY_ITERATIONS + " iterations on " + mdp);
    }

    private static OptimalValues finish(TabularMdp mdp, double[] v, double[] q)
    {
        int states = mdp.states();
        int actions = mdp.actions();
        int[] greedy = new int[states];
        double value = 0;
        for (int s = 0; s < states; s++) {
            greedy[s] = lowestBest(q, s, actions);
            value += mdp.initial(s) * v[s];
        }
        for (int i = 0; i < q.length; i++) {
            if (!Double.isFinite(q[i])) {
                throw new ArithmeticException("Q*[s=" + i / actions + ", a=" + i % actions + "] is not finite: " + q[i] + " in " + mdp);
            }
        }
        return new OptimalValues(v, q, greedy, value);
    }

    /** The lowest action whose value is within the tie tolerance of max_a q(s,a). */
    private static int lowestBest(double[] q, int s, int actions)
    {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            best = Math.max(best, q[s * actions + a]);
        }
        for (int a = 0; a < actions; a++) {
            if (q[s * actions + a] >= best - tolerance(best)) {
                return a;
            }
        }
        return 0;
    }

    private static double tolerance(double value)
    {
        return TIE_TOLERANCE * Math.max(1, Math.abs(value));
    }
}
