package org.bomrl.api.tck;

import io.vavr.control.Option;
import org.bomrl.api.adapt.ExactHypergradient;
import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests for {@link TabularAdaptation}. A plugin tests its within-task algorithm by
 * extending this class and returning it from {@link #adaptation()}.
 *
 * <p>On seeded random rounds (Q uniform in [−1, 1], ν a random distribution, |S| = {@value #STATES},
 * |A| ∈ {2, 3, 4}) and random priors: {@code adapt} keeps the shape, returns finite logits, is
 * deterministic and leaves its inputs alone; {@code hypergradient} returns |S|·|A| finite entries,
 * does not modify g, is deterministic and is linear in g (h = Jᵀg: h(a·g₁ + b·g₂) = a·h(g₁) + b·h(g₂)).
 * Algorithms that maximise S(θ) − λD(θ, φ) with D ≥ 0, D(φ, φ) = 0 (spec §2.1) also declare
 * {@link #ascendsSurrogate()}: then S(θ) ≥ S(φ) for the surrogate S = Σ_s ν(s) Σ_a π_θ(a|s) Q(s,a).
 *
 * <p>The hypergradient must also be the right one: on seeded random MDPs (|S| = {@value #STATES},
 * γ = {@value #GAMMA}) with the data of the prior held fixed (spec §3.2 (*)), h = (∂θ/∂φ)ᵀ∇_θJ must
 * equal Richardson-extrapolated central differences of the exact meta-objective F(φ) = J(π_{adapt(φ)})
 * to {@link #hypergradientTolerance()} relative, so an algorithm returning 0, g or any other wrong
 * map fails. Algorithms whose hypergradient is knowingly approximate declare
 * {@link #exactHypergradient()} false.
 *
 * <p>An algorithm whose {@link TabularAdaptation#exactHypergradient} returns some on the random
 * rounds has both of its parts checked against the solution map itself (spec §3.2, §3.6): for a
 * random g, prior part_i = d/dε gᵀθ*(φ + εe_i, Q) and action-value part_i = d/dε gᵀθ*(φ, Q + εe_i),
 * by Richardson-extrapolated central differences (steps {@value TabularAdaptationContractMetaObjective#STEP}
 * and half of it), to {@link #exactHypergradientTolerance()} (so a part zeroed, swapped or left
 * first-order fails). Adapted logits are only defined up to a per-state constant (an algorithm may
 * return log-probabilities, another unnormalised logits), so g sums to zero in every state, as
 * every ∇_θJ of softmax logits does: then gᵀθ* does not depend on the constant. Cases where it
 * returns none are skipped; an algorithm that never returns one passes trivially.
 */
public abstract class TabularAdaptationContract
{
    /** States of the random rounds. */
    protected static final int STATES = 5;
    /** Action counts tested. */
    private static final int[] ACTION_COUNTS = {2, 3, 4};
    /** Random (prior, round) pairs per action count. */
    protected static final int SAMPLES = 6;
    /** Scale of the random prior logits. */
    protected static final double LOGIT_SCALE = 1.5;
    /** Allowed relative error of the linearity check. */
    protected static final double LINEARITY_TOLERANCE = 1e-9;
    /** Allowed decrease of the surrogate (rounding). */
    protected static final double SURROGATE_TOLERANCE = 1e-12;
    /** Root seed. */
    protected static final long SEED = 20241013L;
    /** Discount of the random MDPs of the finite-difference check. */
    protected static final double GAMMA = 0.9;
    /** The finite-difference gradient must be this far from zero for the comparison to mean something. */
    protected static final double NONTRIVIAL = 1e-4;
    /** Default allowed error of either exact-hypergradient part, relative to max(1, ‖FD‖) (solver tolerance plus O(h⁴) truncation). */
    protected static final double EXACT_HYPERGRADIENT_TOLERANCE = 1e-5;

    /** The algorithm under test; may return the same instance every time. */
    protected abstract TabularAdaptation adaptation();

    /** Whether the algorithm maximises S − λD, so that it never lowers the surrogate S. */
    protected boolean ascendsSurrogate()
    {
        return false;
    }

    /** Whether {@link TabularAdaptation#hypergradient} is exact (data held fixed), so that it must match finite differences. */
    protected boolean exactHypergradient()
    {
        return true;
    }

    /** Allowed ‖h − FD‖ / ‖FD‖ of the finite-difference check (the algorithm's solver tolerance plus O(h⁴) truncation). */
    protected double hypergradientTolerance()
    {
        return 1e-5;
    }

    /** Allowed ‖part − FD‖ / max(1, ‖FD‖) of either part of {@link TabularAdaptation#exactHypergradient}. */
    protected double exactHypergradientTolerance()
    {
        return EXACT_HYPERGRADIENT_TOLERANCE;
    }

    /** One random case. */
    protected record Case(TabularSoftmaxPolicy prior, TabularRound round) {}

    private void forEachCase(java.util.function.Consumer<Case> check)
    {
        RandomSource root = RandomSource.seeded(SEED);
        for (int actions : ACTION_COUNTS) {
            for (int sample = 0; sample < SAMPLES; sample++) {
                SplittableRandom random = root.derive(actions).derive(sample).generator();
                double[] q = RandomMdps.logits(random, STATES * actions, 1);
                double[] visitation = RandomMdps.policy(random, 1, STATES);
                TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(STATES, actions, RandomMdps.logits(random, STATES * actions, LOGIT_SCALE));
                check.accept(new Case(prior, new TabularRound(STATES, actions, q, visitation, 0, 1)));
            }
        }
    }

    @Test
    public void adaptKeepsTheShapeAndIsDeterministic()
    {
        forEachCase(c -> {
            double[] priorLogits = c.prior().logits();
            TabularSoftmaxPolicy first = adaptation().adapt(c.prior(), c.round());
            TabularSoftmaxPolicy second = adaptation().adapt(c.prior(), c.round());

            assertThat(first.states()).isEqualTo(STATES);
            assertThat(first.actions()).isEqualTo(c.prior().actions());
            assertThat(second.logits()).containsExactly(first.logits());
            assertThat(c.prior().logits()).containsExactly(priorLogits);
        });
    }

    @Test
    public void hypergradientIsFiniteDeterministicAndLinearInTheGradient()
    {
        forEachCase(c -> {
            TabularSoftmaxPolicy adapted = adaptation().adapt(c.prior(), c.round());
            int size = STATES * c.prior().actions();
            SplittableRandom random = new SplittableRandom(size);
            double[] g1 = RandomMdps.logits(random, size, 1);
            double[] g2 = RandomMdps.logits(random, size, 1);
            double[] g1Copy = g1.clone();
            double a = 0.75;
            double b = -1.5;
            double[] combined = new double[size];
            for (int i = 0; i < size; i++) {
                combined[i] = a * g1[i] + b * g2[i];
            }

            double[] h1 = adaptation().hypergradient(c.prior(), adapted, c.round(), g1);
            double[] h2 = adaptation().hypergradient(c.prior(), adapted, c.round(), g2);
            double[] h = adaptation().hypergradient(c.prior(), adapted, c.round(), combined);

            assertThat(g1).containsExactly(g1Copy);
            assertThat(h1).hasSize(size);
            for (double entry : h1) {
                assertThat(entry).isFinite();
            }
            assertThat(adaptation().hypergradient(c.prior(), adapted, c.round(), g1)).containsExactly(h1);
            double scale = 0;
            double error = 0;
            for (int i = 0; i < size; i++) {
                double expected = a * h1[i] + b * h2[i];
                scale = Math.max(scale, Math.abs(expected));
                error = Math.max(error, Math.abs(h[i] - expected));
            }
            assertThat(error).isLessThanOrEqualTo(LINEARITY_TOLERANCE * Math.max(1, scale));
        });
    }

    @Test
    public void adaptNeverLowersTheSurrogateWhenItMaximisesIt()
    {
        if (!ascendsSurrogate()) {
            return;
        }
        forEachCase(c -> {
            TabularSoftmaxPolicy adapted = adaptation().adapt(c.prior(), c.round());
            assertThat(surrogate(adapted, c.round())).isGreaterThanOrEqualTo(surrogate(c.prior(), c.round()) - SURROGATE_TOLERANCE);
        });
    }

    @Test
    public void hypergradientEqualsFiniteDifferencesOfTheExactMetaObjective()
    {
        if (!exactHypergradient()) {
            return;
        }
        RandomSource root = RandomSource.seeded(SEED).derive("finite-differences");
        for (int actions : ACTION_COUNTS) {
            SplittableRandom random = root.derive(actions).generator();
            double[] phi = RandomMdps.logits(random, STATES * actions, 1);
            TabularAdaptationContractMetaObjective objective = new TabularAdaptationContractMetaObjective(
                    RandomMdps.mdp(random, STATES, actions, GAMMA, org.bomrl.api.env.TabularMdp.INFINITE_HORIZON), phi);

            double[] hypergradient = objective.hypergradient(adaptation(), phi);
            double[] reference = objective.finiteDifferences(adaptation(), phi);

            double difference = 0;
            double norm = 0;
            for (int i = 0; i < reference.length; i++) {
                difference += (hypergradient[i] - reference[i]) * (hypergradient[i] - reference[i]);
                norm += reference[i] * reference[i];
            }
            assertThat(Math.sqrt(norm)).as("|A| = %d: ‖∇F‖ by finite differences (the case must not be degenerate)", actions).isGreaterThan(NONTRIVIAL);
            assertThat(Math.sqrt(difference / norm)).as("|A| = %d: ‖h − FD‖/‖FD‖ with h = %s and FD = %s", actions, java.util.Arrays.toString(hypergradient),
                    java.util.Arrays.toString(reference)).isLessThanOrEqualTo(hypergradientTolerance());
        }
    }

    @Test
    public void exactHypergradientEqualsFiniteDifferencesOfTheSolutionMap()
    {
        SplittableRandom draws = RandomSource.seeded(SEED).derive("exact-hypergradient").generator();
        forEachCase(c -> {
            int actions = c.prior().actions();
            double[] g = RandomMdps.logits(draws, STATES * actions, 1);
            for (int s = 0; s < STATES; s++) {
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += g[s * actions + a] / actions;
                }
                for (int a = 0; a < actions; a++) {
                    g[s * actions + a] -= mean;
                }
            }
            TabularSoftmaxPolicy adapted = adaptation().adapt(c.prior(), c.round());
            Option<ExactHypergradient> exact = adaptation().exactHypergradient(c.prior(), adapted, c.round(), g);
            if (exact.isEmpty()) {
                return;
            }
            double[] priorPart = new double[g.length];
            double[] actionValuePart = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                int coordinate = i;
                priorPart[i] = richardson(step -> contracted(g, shiftedPrior(c.prior(), coordinate, step), c.round()));
                actionValuePart[i] = richardson(step -> contracted(g, c.prior(), shiftedActionValues(c.round(), coordinate, step)));
            }
            assertPartMatches("prior part (∂θ*∕∂φ)ᵀg", exact.get().prior(), priorPart, c);
            assertPartMatches("action-value part (∂θ*∕∂Q)ᵀg", exact.get().actionValues(), actionValuePart, c);
        });
    }

    private void assertPartMatches(String part, double[] exact, double[] reference, Case c)
    {
        assertThat(exact).as("%s length", part).hasSize(reference.length);
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < reference.length; i++) {
            difference += (exact[i] - reference[i]) * (exact[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        assertThat(Math.sqrt(difference) / Math.max(1, Math.sqrt(norm)))
                .as("|A| = %d, prior %s: %s = %s but finite differences of gᵀθ* give %s", c.prior().actions(), c.prior(), part,
                        java.util.Arrays.toString(exact), java.util.Arrays.toString(reference))
                .isLessThanOrEqualTo(exactHypergradientTolerance());
    }

    /** gᵀθ*(prior, round). */
    private double contracted(double[] g, TabularSoftmaxPolicy prior, TabularRound round)
    {
        double[] theta = adaptation().adapt(prior, round).logits();
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            sum += g[i] * theta[i];
        }
        return sum;
    }

    /** (4 D(h/2) − D(h)) / 3 with D(h) = (f(h) − f(−h)) / 2h, h = {@link TabularAdaptationContractMetaObjective#STEP}: O(h⁴). */
    private static double richardson(java.util.function.DoubleUnaryOperator f)
    {
        double step = TabularAdaptationContractMetaObjective.STEP;
        double coarse = (f.applyAsDouble(step) - f.applyAsDouble(-step)) / (2 * step);
        double fine = (f.applyAsDouble(step / 2) - f.applyAsDouble(-step / 2)) / step;
        return (4 * fine - coarse) / 3;
    }

    private static TabularSoftmaxPolicy shiftedPrior(TabularSoftmaxPolicy prior, int coordinate, double step)
    {
        double[] phi = prior.logits();
        phi[coordinate] += step;
        return TabularSoftmaxPolicy.of(prior.states(), prior.actions(), phi);
    }

    private static TabularRound shiftedActionValues(TabularRound round, int coordinate, double step)
    {
        double[] q = round.q();
        q[coordinate] += step;
        return new TabularRound(round.states(), round.actions(), q, round.visitation(), round.meanReturn(), round.episodes());
    }

    /** S(π) = Σ_s ν(s) Σ_a π(a|s) Q(s,a). */
    protected static double surrogate(TabularSoftmaxPolicy policy, TabularRound round)
    {
        double sum = 0;
        for (int s = 0; s < policy.states(); s++) {
            for (int a = 0; a < policy.actions(); a++) {
                sum += round.visitation(s) * policy.probability(s, a) * round.q(s, a);
            }
        }
        return sum;
    }
}
