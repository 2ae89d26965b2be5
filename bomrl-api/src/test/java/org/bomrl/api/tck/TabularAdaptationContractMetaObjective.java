package org.bomrl.api.tck;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

/**
 * The exact meta-objective of one infinite-horizon task with the data held fixed (spec §3.2 (*)),
 * for the adaptation contract: Q and ν are those of the prior π_φ₀ by exact policy evaluation, and
 * F(φ) = J(π_{adapt(φ; Q, ν)}) with J(π) = Σ_s ρ(s) V^π(s). Policy evaluation solves
 * (I − γP_π) V = r_π by Gaussian elimination with partial pivoting (the TCK depends on the api
 * alone). Its gradient by Richardson-extrapolated central differences is the reference the
 * algorithm's hypergradient h = (∂θ/∂φ)ᵀ∇_θJ is checked against. Immutable.
 */
final class TabularAdaptationContractMetaObjective
{
    /** Central-difference step; Richardson's combination of h and h/2 has truncation O(h⁴). */
    static final double STEP = 1e-3;

    private final TabularMdp mdp;
    private final TabularRound round;

    TabularAdaptationContractMetaObjective(TabularMdp mdp, double[] phi)
    {
        if (mdp.finiteHorizon()) {
            throw new IllegalArgumentException("the contract's meta-objective needs an infinite-horizon MDP");
        }
        this.mdp = mdp;
        TabularSoftmaxPolicy prior = policy(phi);
        double[] value = values(prior);
        double[] q = actionValues(value);
        double[] visitation = visitation(prior);
        for (int s = 0; s < visitation.length; s++) {
            visitation[s] *= 1 - mdp.gamma();
        }
        this.round = new TabularRound(mdp.states(), mdp.actions(), q, visitation, start(value), 0);
    }

    /** The round of the prior's exact data, held fixed. */
    TabularRound round()
    {
        return round;
    }

    TabularSoftmaxPolicy policy(double[] logits)
    {
        return TabularSoftmaxPolicy.of(mdp.states(), mdp.actions(), logits);
    }

    /** F(φ) = J(adapt(φ; Q, ν)). */
    double value(TabularAdaptation algorithm, double[] phi)
    {
        return start(values(algorithm.adapt(policy(phi), round)));
    }

    /** The algorithm's hypergradient at φ for g = ∇_θ J at its adapted policy. */
    double[] hypergradient(TabularAdaptation algorithm, double[] phi)
    {
        TabularSoftmaxPolicy prior = policy(phi);
        TabularSoftmaxPolicy adapted = algorithm.adapt(prior, round);
        return algorithm.hypergradient(prior, adapted, round, gradient(adapted));
    }

    /** ∇_θ J(π_θ) = d(s) π(a|s) (Q(s,a) − V(s)) with d(s) = Σ_t γ^t Pr(s_t = s) (policy-gradient theorem, softmax logits). */
    double[] gradient(TabularSoftmaxPolicy policy)
    {
        double[] value = values(policy);
        double[] q = actionValues(value);
        double[] occupancy = visitation(policy);
        int actions = mdp.actions();
        double[] gradient = new double[mdp.states() * actions];
        for (int s = 0; s < mdp.states(); s++) {
            for (int a = 0; a < actions; a++) {
                gradient[s * actions + a] = occupancy[s] * policy.probability(s, a) * (q[s * actions + a] - value[s]);
            }
        }
        return gradient;
    }

    /** ∇_φ F by Richardson extrapolation of central differences with steps h and h/2. */
    double[] finiteDifferences(TabularAdaptation algorithm, double[] phi)
    {
        double[] gradient = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            gradient[i] = (4 * central(algorithm, phi, i, STEP / 2) - central(algorithm, phi, i, STEP)) / 3;
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

    private double start(double[] value)
    {
        double sum = 0;
        for (int s = 0; s < value.length; s++) {
            sum += mdp.initial(s) * value[s];
        }
        return sum;
    }

    /** V^π = (I − γP_π)⁻¹ r_π. */
    private double[] values(TabularSoftmaxPolicy policy)
    {
        int n = mdp.states();
        double[][] system = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            system[s][s] = 1;
            for (int a = 0; a < mdp.actions(); a++) {
                double p = policy.probability(s, a);
                system[s][n] += p * mdp.expectedReward(s, a);
                for (int next = 0; next < n; next++) {
                    system[s][next] -= mdp.gamma() * p * mdp.transition(s, a, next);
                }
            }
        }
        return solve(system);
    }

    /** Q(s,a) = r(s,a) + γ Σ_s' P(s'|s,a) V(s'). */
    private double[] actionValues(double[] value)
    {
        int actions = mdp.actions();
        double[] q = new double[mdp.states() * actions];
        for (int s = 0; s < mdp.states(); s++) {
            for (int a = 0; a < actions; a++) {
                double next = 0;
                for (int t = 0; t < mdp.states(); t++) {
                    next += mdp.transition(s, a, t) * value[t];
                }
                q[s * actions + a] = mdp.expectedReward(s, a) + mdp.gamma() * next;
            }
        }
        return q;
    }

    /** d = (I − γP_πᵀ)⁻¹ ρ, the unnormalised discounted occupancy (sums to 1/(1 − γ)). */
    private double[] visitation(TabularSoftmaxPolicy policy)
    {
        int n = mdp.states();
        double[][] system = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            system[s][s] += 1;
            system[s][n] = mdp.initial(s);
        }
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < mdp.actions(); a++) {
                double p = policy.probability(s, a);
                for (int next = 0; next < n; next++) {
                    system[next][s] -= mdp.gamma() * p * mdp.transition(s, a, next);
                }
            }
        }
        return solve(system);
    }

    /** Solves the augmented n×(n+1) system in place by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] system)
    {
        int n = system.length;
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(system[row][column]) > Math.abs(system[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = system[column];
            system[column] = system[pivot];
            system[pivot] = swap;
            for (int row = column + 1; row < n; row++) {
                double factor = system[row][column] / system[column][column];
                for (int k = column; k <= n; k++) {
                    system[row][k] -= factor * system[column][k];
                }
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = system[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= system[row][k] * solution[k];
            }
            solution[row] = sum / system[row][row];
        }
        return solution;
    }
}
