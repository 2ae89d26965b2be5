package org.bomrl.numerics.tabular;

import org.bomrl.api.env.TabularMdp;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

import static java.util.Objects.requireNonNull;

/**
 * Exact policy evaluation of tabular policies in one MDP (spec §1.1, §3.6).
 *
 * <p>Infinite horizon (γ &lt; 1): V^π = (I − γP_π)^{-1} r_π by an EJML LU solve, with
 * P_π(s'|s) = Σ_a π(a|s) P(s'|s,a) and r_π(s) = Σ_a π(a|s) r(s,a), where r(s,a) = Σ_s' P(s'|s,a) r(s,a,s');
 * Q^π(s,a) = r(s,a) + γ Σ_s' P(s'|s,a) V^π(s'); d^π = (1−γ) ρᵀ(I − γP_π)^{-1}; J = ρ·V^π.
 *
 * <p>Finite horizon H (γ ≤ 1): V_H = 0, Q_t(s,a) = r(s,a) + γ Σ_s' P(s'|s,a) V_{t+1}(s'),
 * V_t(s) = Σ_a π(a|s) Q_t(s,a) for t = H−1, …, 0; the evaluation reports V_0, Q_0, J = ρ·V_0 and
 * the visitation Σ_{t&lt;H} γ^t Pr(s_t = s) normalised to sum to one (s_0 ∼ ρ).
 *
 * <p>Policies are probabilities π(a|s) at {@code s·|A| + a}; they are read, never modified.
 * Holds work buffers allocated once in the constructor: not thread-safe, use one instance per
 * thread. Result arrays are new on every call.
 *
 * <p>The sums over s' visit only the successors with P(s'|s,a) ≠ 0 (each (s,a) of Frozen Lake has at
 * most three), in increasing s' as the dense sums would: the terms left out are 0·v(s') = 0 (v
 * finite), so the results are those of the dense sums, bit for bit.
 */
public final class PolicyEvaluation
{
    /** Smallest accepted ratio between the smallest and largest LU pivot of I − γP_π. */
    private static final double PIVOT_RATIO_LIMIT = 1e-14;

    private final TabularMdp mdp;
    private final int states;
    private final int actions;
    private final double gamma;
    private final int horizon;
    /** r(s,a) at s·|A| + a. */
    private final double[] expectedReward;
    /** The successors of (s,a), s' with P(s'|s,a) ≠ 0, increasing, at successor[successorStart[sa] .. successorStart[sa+1]). */
    private final int[] successorStart;
    private final int[] successor;
    /** P(s'|s,a) for the entries of {@link #successor}. */
    private final double[] successorProbability;
    /** The union over a of the successors of (s,a), increasing, at reachable[reachableStart[s] .. reachableStart[s+1]). */
    private final int[] reachableStart;
    private final int[] reachable;

    private final DMatrixRMaj system;
    private final DMatrixRMaj systemTransposed;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final LUDecompositionAlt_DDRM decomposition;
    private final LinearSolverLu_DDRM solver;
    private final double[] policyTransition;
    private final double[] policyReward;
    /** Finite horizon: γ^t Pr(s_t = s) at t·|S| + s. */
    private final double[] discountedOccupancy;
    private final double[] valueNext;
    private final double[] valueNow;
    private final double[] qNow;

    public PolicyEvaluation(TabularMdp mdp)
    {
        this.mdp = requireNonNull(mdp, "mdp is null");
        this.states = mdp.states();
        this.actions = mdp.actions();
        this.gamma = mdp.gamma();
        this.horizon = mdp.horizon();
        // P(s'|s,a) at (s·|A| + a)·|S| + s'
        double[] transition = mdp.transitions();
        this.expectedReward = new double[states * actions];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                expectedReward[s * actions + a] = mdp.expectedReward(s, a);
            }
        }
        this.successorStart = new int[states * actions + 1];
        this.reachableStart = new int[states + 1];
        int nonZero = 0;
        int reachableCount = 0;
        for (int s = 0; s < states; s++) {
            for (int next = 0; next < states; next++) {
                boolean any = false;
                for (int a = 0; a < actions; a++) {
                    if (transition[((s * actions + a) * states) + next] != 0) {
                        nonZero++;
                        any = true;
                    }
                }
                reachableCount += any ? 1 : 0;
            }
        }
        this.successor = new int[nonZero];
        this.successorProbability = new double[nonZero];
        this.reachable = new int[reachableCount];
        int k = 0;
        for (int sa = 0; sa < states * actions; sa++) {
            successorStart[sa] = k;
            for (int next = 0; next < states; next++) {
                double p = transition[sa * states + next];
                if (p != 0) {
                    successor[k] = next;
                    successorProbability[k] = p;
                    k++;
                }
            }
        }
        successorStart[states * actions] = k;
        int r = 0;
        for (int s = 0; s < states; s++) {
            reachableStart[s] = r;
            for (int next = 0; next < states; next++) {
                for (int a = 0; a < actions; a++) {
                    if (transition[((s * actions + a) * states) + next] != 0) {
                        reachable[r++] = next;
                        break;
                    }
                }
            }
        }
        reachableStart[states] = r;
        this.policyTransition = new double[states * states];
        this.policyReward = new double[states];
        this.valueNext = new double[states];
        this.valueNow = new double[states];
        this.qNow = new double[states * actions];
        if (mdp.finiteHorizon()) {
            this.system = null;
            this.systemTransposed = null;
            this.rhs = null;
            this.solution = null;
            this.decomposition = null;
            this.solver = null;
            this.discountedOccupancy = new double[horizon * states];
        }
        else {
            this.system = new DMatrixRMaj(states, states);
            this.systemTransposed = new DMatrixRMaj(states, states);
            this.rhs = new DMatrixRMaj(states, 1);
            this.solution = new DMatrixRMaj(states, 1);
            this.decomposition = new LUDecompositionAlt_DDRM();
            this.solver = new LinearSolverLu_DDRM(decomposition);
            this.discountedOccupancy = null;
        }
    }

    public TabularMdp mdp()
    {
        return mdp;
    }

    /**
     * Evaluates π.
     *
     * @throws IllegalArgumentException if {@code policy} does not have |S|·|A| entries
     * @throws ArithmeticException if the linear system is singular or the result is not finite
     */
    public Evaluation evaluate(double[] policy)
    {
        checkPolicy(policy);
        double[] v = new double[states];
        double[] q = new double[states * actions];
        double[] visitation = new double[states];
        if (mdp.finiteHorizon()) {
            forwardOccupancy(policy);
            backward(policy, null);
            System.arraycopy(valueNow, 0, v, 0, states);
            System.arraycopy(qNow, 0, q, 0, q.length);
            double total = 0;
            for (int t = 0; t < horizon; t++) {
                for (int s = 0; s < states; s++) {
                    visitation[s] += discountedOccupancy[t * states + s];
                }
            }
            for (int s = 0; s < states; s++) {
                total += visitation[s];
            }
            for (int s = 0; s < states; s++) {
                visitation[s] /= total;
            }
        }
        else {
            solveValues(policy, v);
            actionValues(v, q);
            solveOccupancy(visitation);
            for (int s = 0; s < states; s++) {
                visitation[s] *= 1 - gamma;
            }
        }
        double value = dot(v);
        checkFinite(v, "V");
        checkFinite(q, "Q");
        checkFinite(visitation, "visitation");
        return new Evaluation(v, q, visitation, value);
    }

    /**
     * J(π) = Σ_s ρ(s) V^π(s) only (one linear solve, or one backward pass).
     *
     * @throws ArithmeticException if the linear system is singular or J is not finite
     */
    public double value(double[] policy)
    {
        checkPolicy(policy);
        if (mdp.finiteHorizon()) {
            backward(policy, null);
            System.arraycopy(valueNow, 0, valueNext, 0, states);
        }
        else {
            solveValues(policy, valueNext);
        }
        double value = dot(valueNext);
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("J(π) is not finite: " + value + " in " + mdp);
        }
        return value;
    }

    /**
     * Exact ∇_θ J(π_θ) for the tabular softmax policy with probabilities {@code policy} (spec §3.6):
     * infinite horizon (1/(1−γ)) d^π(s) π(a|s) A^π(s,a) (Agarwal et al.); finite horizon
     * Σ_{t&lt;H} γ^t Pr(s_t=s) π(a|s) (Q_t(s,a) − V_t(s)). Returns a new |S|·|A| array.
     *
     * @throws ArithmeticException if the linear system is singular or the result is not finite
     */
    public double[] softmaxGradient(double[] policy)
    {
        checkPolicy(policy);
        double[] gradient = new double[states * actions];
        if (mdp.finiteHorizon()) {
            forwardOccupancy(policy);
            backward(policy, gradient);
        }
        else {
            double[] v = new double[states];
            solveValues(policy, v);
            actionValues(v, qNow);
            // ρᵀ(I − γP_π)^{-1} = d/(1−γ)
            solveOccupancy(valueNext);
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    int sa = s * actions + a;
                    gradient[sa] = valueNext[s] * policy[sa] * (qNow[sa] - v[s]);
                }
            }
        }
        checkFinite(gradient, "∇J");
        return gradient;
    }

    /** out[s·|S| + s'] = P_π(s'|s) = Σ_a π(a|s) P(s'|s,a). */
    public void policyTransition(double[] policy, double[] out)
    {
        checkPolicy(policy);
        for (int s = 0; s < states; s++) {
            int row = s * states;
            for (int next = 0; next < states; next++) {
                out[row + next] = 0;
            }
            for (int a = 0; a < actions; a++) {
                int sa = s * actions + a;
                double p = policy[sa];
                for (int k = successorStart[sa]; k < successorStart[sa + 1]; k++) {
                    out[row + successor[k]] += p * successorProbability[k];
                }
            }
        }
    }

    /** out[s] = r_π(s) = Σ_a π(a|s) r(s,a). */
    public void policyReward(double[] policy, double[] out)
    {
        checkPolicy(policy);
        for (int s = 0; s < states; s++) {
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                sum += policy[s * actions + a] * expectedReward[s * actions + a];
            }
            out[s] = sum;
        }
    }

    /** out[s·|A| + a] = r(s,a) + γ Σ_s' P(s'|s,a) v(s'): the one-step lookahead of v. */
    public void actionValues(double[] v, double[] out)
    {
        for (int sa = 0; sa < states * actions; sa++) {
            double sum = 0;
            for (int k = successorStart[sa]; k < successorStart[sa + 1]; k++) {
                sum += successorProbability[k] * v[successor[k]];
            }
            out[sa] = expectedReward[sa] + gamma * sum;
        }
    }

    /** Infinite horizon: factorises I − γP_π and writes V^π into {@code v}. */
    void solveValues(double[] policy, double[] v)
    {
        policyTransition(policy, policyTransition);
        policyReward(policy, policyReward);
        double[] a = system.data;
        for (int i = 0; i < states * states; i++) {
            a[i] = -gamma * policyTransition[i];
        }
        for (int s = 0; s < states; s++) {
            a[s * states + s] += 1;
        }
        CommonOps_DDRM.transpose(system, systemTransposed);
        factorise(system);
        System.arraycopy(policyReward, 0, rhs.data, 0, states);
        solver.solve(rhs, solution);
        System.arraycopy(solution.data, 0, v, 0, states);
    }

    /**
     * Infinite horizon, after {@link #solveValues}: writes w = ρᵀ(I − γP_π)^{-1}, i.e. the
     * unnormalised discounted occupancy Σ_t γ^t Pr(s_t = s), into {@code out}.
     */
    private void solveOccupancy(double[] out)
    {
        factorise(systemTransposed);
        for (int s = 0; s < states; s++) {
            rhs.data[s] = mdp.initial(s);
        }
        solver.solve(rhs, solution);
        System.arraycopy(solution.data, 0, out, 0, states);
    }

    private void factorise(DMatrixRMaj matrix)
    {
        if (!solver.setA(matrix)) {
            throw new ArithmeticException("I − γP_π is singular (LU failed) in " + mdp);
        }
        DMatrixRMaj lu = decomposition.getLU();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        int worst = -1;
        for (int i = 0; i < states; i++) {
            double pivot = Math.abs(lu.get(i, i));
            if (!(pivot >= smallest)) {
                smallest = pivot;
                worst = i;
            }
            largest = Math.max(largest, pivot);
        }
        if (!(smallest > PIVOT_RATIO_LIMIT * largest)) {
            throw new ArithmeticException("I − γP_π is singular or ill-conditioned in " + mdp + ": LU pivot " + worst + " is " + smallest
                    + " against a largest pivot " + largest);
        }
    }

    /** Finite horizon: discountedOccupancy[t·|S| + s] = γ^t Pr(s_t = s), s_0 ∼ ρ, a_t ∼ π. */
    private void forwardOccupancy(double[] policy)
    {
        policyTransition(policy, policyTransition);
        for (int s = 0; s < states; s++) {
            valueNow[s] = mdp.initial(s);
        }
        double discount = 1;
        for (int t = 0; t < horizon; t++) {
            for (int s = 0; s < states; s++) {
                discountedOccupancy[t * states + s] = discount * valueNow[s];
            }
            if (t + 1 < horizon) {
                for (int next = 0; next < states; next++) {
                    valueNext[next] = 0;
                }
                for (int s = 0; s < states; s++) {
                    double mass = valueNow[s];
                    if (mass != 0) {
                        int row = s * states;
                        for (int k = reachableStart[s]; k < reachableStart[s + 1]; k++) {
                            valueNext[reachable[k]] += mass * policyTransition[row + reachable[k]];
                        }
                    }
                }
                System.arraycopy(valueNext, 0, valueNow, 0, states);
            }
            discount *= gamma;
        }
    }

    /**
     * Finite horizon backward recursion; leaves V_0 in valueNow and Q_0 in qNow. If
     * {@code gradient} is not null, accumulates Σ_t γ^t Pr(s_t=s) π(a|s)(Q_t − V_t) into it
     * (needs {@link #forwardOccupancy} first).
     */
    private void backward(double[] policy, double[] gradient)
    {
        for (int s = 0; s < states; s++) {
            valueNext[s] = 0;
        }
        for (int t = horizon - 1; t >= 0; t--) {
            actionValues(valueNext, qNow);
            for (int s = 0; s < states; s++) {
                double v = 0;
                for (int a = 0; a < actions; a++) {
                    v += policy[s * actions + a] * qNow[s * actions + a];
                }
                valueNow[s] = v;
            }
            if (gradient != null) {
                for (int s = 0; s < states; s++) {
                    double weight = discountedOccupancy[t * states + s];
                    for (int a = 0; a < actions; a++) {
                        int sa = s * actions + a;
                        gradient[sa] += weight * policy[sa] * (qNow[sa] - valueNow[s]);
                    }
                }
            }
            System.arraycopy(valueNow, 0, valueNext, 0, states);
        }
    }

    private double dot(double[] v)
    {
        double value = 0;
        for (int s = 0; s < states; s++) {
            value += mdp.initial(s) * v[s];
        }
        return value;
    }

    private void checkPolicy(double[] policy)
    {
        requireNonNull(policy, "policy is null");
        if (policy.length != states * actions) {
            throw new IllegalArgumentException("policy must have |S|·|A| = " + states + "·" + actions + " entries: " + policy.length);
        }
    }

    private void checkFinite(double[] values, String what)
    {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ArithmeticException(what + "[" + i + "] is not finite: " + values[i] + " in " + mdp);
            }
        }
    }
}
