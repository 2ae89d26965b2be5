package org.bomrl.core.adapt;

import io.vavr.control.Option;
import org.bomrl.api.adapt.AdaptationAlgorithm;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.policy.TabularSoftmaxPolicy;

import static java.util.Objects.requireNonNull;

/**
 * BO-MRL's within-task algorithm on tabular softmax policies, {@code adapt.bomrl} (spec §2, §3).
 *
 * <p>{@link #adapt}: θ* = argmax_θ S(θ) − λD(θ, φ) with S = Σ_s ν(s) Σ_a π_θ(a|s) Q(s,a) and
 * D = Σ_s ν(s) d(θ_s, φ_s) (spec §2.1), solved per state by Alg(1)'s root-finding
 * ({@link RootFindingAlg1}), Alg(2)'s closed form ({@link ClosedFormAlg2}), the paper's SGD
 * ({@link AsCodedAlg1}) or damped Newton for any distance ({@link GenericNewtonSolver}); or, with
 * {@code constraint = trust-region}, argmax S s.t. D ≤ δ ({@link TrustRegionSolver}).
 *
 * <p>{@link #hypergradient}: h = (∂θ*∕∂φ)ᵀ g with Q, ν held fixed (spec §3.2 (*), §6 item 6):
 * <ul>
 * <li>{@code first-order}: h = g (spec §3.7);</li>
 * <li>{@code implicit}, penalised: {@link ImplicitHypergradient} at the adapted θ with λ; for the
 * as-coded solver the implicit formula of the exact problem it approximates, Alg(1) with the
 * effective regulariser kλ (k = {@code as_coded_kl_factor}, spec §6 item 4), evaluated at the
 * SGD result (an approximation: 20 steps do not reach the stationary point);</li>
 * <li>{@code implicit}, trust region: the constrained problem is solved again (deterministically)
 * to recover μ*; if active, {@link KktHypergradient} (spec §3.3); if inactive (μ* = 0) the lower
 * level is max S alone, whose formula with g = −S has ∇²_θφ(−S) = 0, so h = 0 — a degenerate
 * case (the maximiser is the greedy policy, independent of φ), reported by
 * {@link TrustRegionSolution#active()} from {@link #solveTrustRegion}.</li>
 * </ul>
 * Immutable and thread-safe: every call allocates its own work buffers.
 */
final class BomrlAdaptation
        implements AdaptationAlgorithm, TabularAdaptation
{
    private final BomrlSettings settings;
    private final TabularDistance distance;

    BomrlAdaptation(BomrlSettings settings, TabularDistance distance)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.distance = requireNonNull(distance, "distance is null");
    }

    @Override
    public Option<TabularAdaptation> tabular()
    {
        return Option.some(this);
    }

    BomrlSettings settings()
    {
        return settings;
    }

    @Override
    public TabularSoftmaxPolicy adapt(TabularSoftmaxPolicy prior, TabularRound round)
    {
        checkShapes(prior, round);
        double[] theta = settings.constraint() == ConstraintChoice.TRUST_REGION
                ? solveTrustRegion(prior, round).theta()
                : newStateSolver(prior.actions()).solveAll(prior.logits(), round.q(), prior.states(), prior.actions(), settings.lambda());
        return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), theta);
    }

    /**
     * The trust-region solution with its multiplier μ* (spec §2.7), for any {@code constraint} setting.
     *
     * @throws ArithmeticException when a per-state solve fails or D ≤ δ cannot be met
     */
    TrustRegionSolution solveTrustRegion(TabularSoftmaxPolicy prior, TabularRound round)
    {
        checkShapes(prior, round);
        TrustRegionSolver solver = new TrustRegionSolver(distance, settings.delta(), settings.lambda());
        return solver.solve(newStateSolver(prior.actions()), prior.logits(), round.q(), round.visitation(), prior.states(), prior.actions());
    }

    @Override
    public double[] hypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        checkShapes(prior, round);
        requireNonNull(adapted, "adapted is null");
        requireNonNull(adaptedGradient, "adaptedGradient is null");
        int states = prior.states();
        int actions = prior.actions();
        if (adapted.states() != states || adapted.actions() != actions || adaptedGradient.length != states * actions) {
            throw new IllegalArgumentException("adapted policy " + adapted + " or gradient (" + adaptedGradient.length + " entries) does not match prior " + prior);
        }
        if (settings.hypergradient() == HypergradientChoice.FIRST_ORDER) {
            return adaptedGradient.clone();
        }
        if (settings.constraint() == ConstraintChoice.TRUST_REGION) {
            TrustRegionSolution solution = solveTrustRegion(prior, round);
            if (!solution.active()) {
                return new double[states * actions];
            }
            return new KktHypergradient(distance).compute(prior.logits(), solution.theta(), round.q(), round.visitation(), states, actions, solution.mu(),
                    adaptedGradient);
        }
        double lambda = settings.effectiveSolver() == SolverChoice.AS_CODED ? settings.asCoded().klFactor() * settings.lambda() : settings.lambda();
        return new ImplicitHypergradient(distance).compute(prior.logits(), adapted.logits(), round.q(), states, actions, lambda, adaptedGradient);
    }

    /**
     * Exact derivatives of the penalised lower level's solution map, whatever {@code hypergradient}
     * is configured: Alg(2)'s closed form for its closed-form solver, else
     * {@link ImplicitHypergradient#exact} with λ. None for the trust-region lower
     * level (its solution depends on ν through the constraint) and for the as-coded solver (20 SGD
     * steps do not reach the stationary point the implicit formula differentiates).
     */
    @Override
    public Option<ExactHypergradient> exactHypergradient(TabularSoftmaxPolicy prior, TabularSoftmaxPolicy adapted, TabularRound round, double[] adaptedGradient)
    {
        checkShapes(prior, round);
        requireNonNull(adapted, "adapted is null");
        requireNonNull(adaptedGradient, "adaptedGradient is null");
        if (settings.constraint() == ConstraintChoice.TRUST_REGION || settings.effectiveSolver() == SolverChoice.AS_CODED) {
            return Option.none();
        }
        int states = prior.states();
        int actions = prior.actions();
        if (adapted.states() != states || adapted.actions() != actions || adaptedGradient.length != states * actions) {
            throw new IllegalArgumentException("adapted policy " + adapted + " or gradient (" + adaptedGradient.length + " entries) does not match prior " + prior);
        }
        if (newStateSolver(actions) instanceof ClosedFormAlg2) {
            return Option.some(closedFormAlg2(adaptedGradient, actions));
        }
        return Option.some(new ImplicitHypergradient(distance).exact(prior.logits(), adapted.logits(), round.q(), states, actions, settings.lambda(), adaptedGradient));
    }

    /**
     * Alg(2)'s closed form θ = φ + Q/λ (spec §2.4.2, §3.6): per state h_s = (I − 11ᵀ/|A|) g_s and
     * q̄_s = h_s/λ, with no linear solve (the implicit formula gives the same, but its H_s = λF(π*)
     * is ill-conditioned where π* is nearly deterministic).
     */
    private ExactHypergradient closedFormAlg2(double[] g, int actions)
    {
        double[] h = new double[g.length];
        double[] qBar = new double[g.length];
        for (int offset = 0; offset < g.length; offset += actions) {
            double mean = 0;
            for (int a = 0; a < actions; a++) {
                mean += g[offset + a];
            }
            mean /= actions;
            for (int a = 0; a < actions; a++) {
                h[offset + a] = g[offset + a] - mean;
                qBar[offset + a] = h[offset + a] / settings.lambda();
            }
        }
        return new ExactHypergradient(h, qBar);
    }

    /** A fresh per-state solver for the configured (effective) solver choice. */
    StateSolver newStateSolver(int actions)
    {
        return switch (settings.effectiveSolver()) {
            case EXACT -> settings.distance().equals(BomrlSettings.KL_ADAPTED_PRIOR) ? new ClosedFormAlg2() : new RootFindingAlg1();
            case AS_CODED -> new AsCodedAlg1(settings.asCoded(), actions);
            case GENERIC, AUTO -> new GenericNewtonSolver(distance, actions, settings.tolerance(), settings.maxIterations());
        };
    }

    private static void checkShapes(TabularSoftmaxPolicy prior, TabularRound round)
    {
        requireNonNull(prior, "prior is null");
        requireNonNull(round, "round is null");
        if (prior.states() != round.states() || prior.actions() != round.actions()) {
            throw new IllegalArgumentException("round for |S|=" + round.states() + ", |A|=" + round.actions() + " does not match prior " + prior);
        }
    }

    @Override
    public String toString()
    {
        return "adapt.bomrl" + settings;
    }
}
