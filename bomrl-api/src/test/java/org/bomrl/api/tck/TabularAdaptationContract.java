package org.bomrl.api.tck;

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
