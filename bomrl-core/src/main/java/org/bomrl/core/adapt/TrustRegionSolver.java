package org.bomrl.core.adapt;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.numerics.tabular.Softmax;

import static java.util.Objects.requireNonNull;

/**
 * The constrained lower level (spec §2.7): max_θ S(θ) s.t. D(θ) = Σ_s ν(s) d(θ_s, φ_s) ≤ δ, with
 * S(θ) = Σ_s ν(s) Σ_a π_θ(a|s) Q(s,a). Its Lagrangian ℒ = −S + μ(D − δ) separates over states
 * with the same weight ν(s) on both terms, so for a given multiplier μ the minimiser is the
 * penalised solution θ(μ) of every state with λ = μ ({@link StateSolver}); as for the penalised
 * problem, states with ν(s) = 0 take that per-state solution too. D(θ(μ)) does not increase with
 * μ, and the active multiplier solves D(θ(μ)) = δ.
 *
 * <p>Search: from μ₀ (the {@code lambda} setting) the bracket is widened by factors of 10 until
 * D(θ(lo)) &gt; δ ≥ D(θ(hi)), then bisected in log μ (geometric midpoints) until lo and hi are
 * adjacent doubles; the result is the feasible end θ(hi), μ* = hi.
 *
 * <p>Inactive constraint (documented limit): if D(θ(μ)) ≤ δ still holds at
 * μ_min = 10⁻⁶·max_{s,a}|Q(s,a) − π_φ·Q_s|, the constraint is treated as inactive, μ* = 0 is
 * recorded and θ(μ_min) is returned; it approximates the true solution, the greedy policy
 * argmax_a Q(s,a) (infinite logits), which is reachable only as a limit. This can happen only for
 * distances bounded at deterministic policies (e.g. KL(π_θ‖π_φ) ≤ −log min π_φ) and δ above that
 * bound. If all advantages vanish, θ(μ) does not depend on μ and θ(μ₀) is returned, inactive.
 * Thread-safe if the {@link StateSolver} given to {@link #solve} is not shared.
 */
final class TrustRegionSolver
{
    private static final double BRACKET_FACTOR = 10;
    private static final double INACTIVE_SCALE = 1e-6;
    private static final int MAX_BRACKET_STEPS = 400;
    private static final int MAX_BISECTIONS = 2000;

    private final TabularDistance distance;
    private final double delta;
    private final double initialMu;

    TrustRegionSolver(TabularDistance distance, double delta, double initialMu)
    {
        this.distance = requireNonNull(distance, "distance is null");
        if (!(delta > 0)) {
            throw new IllegalArgumentException("delta must be positive: " + delta);
        }
        if (!(initialMu > 0)) {
            throw new IllegalArgumentException("initialMu must be positive: " + initialMu);
        }
        this.delta = delta;
        this.initialMu = initialMu;
    }

    /**
     * Solves the trust-region problem.
     *
     * @throws ArithmeticException when a per-state solve fails or D ≤ δ cannot be met
     */
    TrustRegionSolution solve(StateSolver solver, double[] phi, double[] q, double[] visitation, int states, int actions)
    {
        double floor = INACTIVE_SCALE * advantageScale(phi, q, states, actions);
        double[] theta = solver.solveAll(phi, q, states, actions, initialMu);
        double value = constraint(theta, phi, visitation, states, actions);
        if (floor == 0) {
            return new TrustRegionSolution(theta, 0, value, false);
        }
        double lo;
        double hi;
        if (value > delta) {
            lo = initialMu;
            hi = initialMu;
            for (int step = 0; value > delta; step++) {
                if (step == MAX_BRACKET_STEPS || !Double.isFinite(hi * BRACKET_FACTOR)) {
                    throw new ArithmeticException("trust region: D(θ(μ)) = " + value + " > δ = " + delta + " even at μ = " + hi);
                }
                lo = hi;
                hi *= BRACKET_FACTOR;
                theta = solver.solveAll(phi, q, states, actions, hi);
                value = constraint(theta, phi, visitation, states, actions);
            }
        }
        else {
            hi = initialMu;
            lo = initialMu;
            double[] feasible = theta;
            double feasibleValue = value;
            while (value <= delta) {
                hi = lo;
                feasible = theta;
                feasibleValue = value;
                if (lo <= floor) {
                    return new TrustRegionSolution(feasible, 0, feasibleValue, false);
                }
                lo = Math.max(lo / BRACKET_FACTOR, floor);
                theta = solver.solveAll(phi, q, states, actions, lo);
                value = constraint(theta, phi, visitation, states, actions);
            }
            theta = feasible;
            value = feasibleValue;
        }
        // invariant: D(θ(lo)) > δ ≥ D(θ(hi)) = value, theta = θ(hi)
        for (int bisection = 0; bisection < MAX_BISECTIONS; bisection++) {
            double mid = Math.sqrt(lo) * Math.sqrt(hi);
            if (!(mid > lo && mid < hi)) {
                return new TrustRegionSolution(theta, hi, value, true);
            }
            double[] candidate = solver.solveAll(phi, q, states, actions, mid);
            double candidateValue = constraint(candidate, phi, visitation, states, actions);
            if (candidateValue > delta) {
                lo = mid;
            }
            else {
                hi = mid;
                theta = candidate;
                value = candidateValue;
            }
        }
        throw new ArithmeticException("trust region: bisection on μ did not converge: μ in [" + lo + ", " + hi + "]");
    }

    /** D(θ) = Σ_s ν(s) d(θ_s, φ_s). */
    double constraint(double[] theta, double[] phi, double[] visitation, int states, int actions)
    {
        double sum = 0;
        for (int s = 0; s < states; s++) {
            if (visitation[s] != 0) {
                sum += visitation[s] * distance.value(theta, phi, s * actions, actions);
            }
        }
        if (!Double.isFinite(sum)) {
            throw new ArithmeticException("trust region: D(θ) is not finite: " + sum);
        }
        return sum;
    }

    /** max_{s,a} |Q(s,a) − π_φ·Q_s|. */
    private static double advantageScale(double[] phi, double[] q, int states, int actions)
    {
        double[] prior = new double[actions];
        double scale = 0;
        for (int s = 0; s < states; s++) {
            Softmax.probabilities(phi, s * actions, actions, prior);
            double baseline = 0;
            for (int a = 0; a < actions; a++) {
                baseline += prior[a] * q[s * actions + a];
            }
            for (int a = 0; a < actions; a++) {
                scale = Math.max(scale, Math.abs(q[s * actions + a] - baseline));
            }
        }
        return scale;
    }
}
