package org.bomrl.metrics.compare;

import org.bomrl.api.adapt.TabularAdaptation;
import org.bomrl.api.adapt.TabularRound;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.env.TabularMdp;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.Evaluation;
import org.bomrl.numerics.tabular.PolicyEvaluation;
import org.bomrl.api.tck.GridMaximum;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The per-method meta-parameter comparator (spec §1.3) with algorithms that give no exact
 * derivatives: its finite-difference gradient of F(φ) = mean_τ J_τ(Alg(π_φ, τ)) equals the exact
 * one where both exist, equals central differences of F itself for a step that depends on ν (so
 * the visitation's dependence on φ is counted), and its ascent reaches the brute-force maximum of F
 * on a two-state, two-action problem.
 */
class MethodMetaParameterFiniteDifferencesTest
{
    /** Richardson differences with h = 1e-3 of smooth O(1) maps: O(h⁴) + rounding/h ≈ 1e-12. */
    private static final double AGREEMENT_TOLERANCE = 1e-8;
    /** Central-difference step on F itself. */
    private static final double STEP = 1e-5;
    /** Central differences of F with h = 1e-5: O(h²) + rounding/h ≈ 1e-10, plus the comparator's own FD error. */
    private static final double DIFFERENCE_TOLERANCE = 1e-7;
    /** The ν-weighted step must really depend on ν for the visitation check to mean something. */
    private static final double NONTRIVIAL = 1e-3;
    private static final double GAMMA = 0.9;
    private static final double RANGE = 6;
    private static final double COARSE = 0.05;
    private static final double FINE = 5e-4;
    /** The fine grid's maximum is below the true one by O(FINE²·curvature) ≲ 1e-6; the ascent stops within O(1e-7) of a stationary point. */
    private static final double OPTIMUM_TOLERANCE = 2e-5;
    /** An ascent from a start ends no lower than the start, up to rounding. */
    private static final double ASCENT_TOLERANCE = 1e-12;

    @Test
    void finiteDifferenceGradientAgreesWithTheExactOne()
    {
        for (TabularAdaptation algorithm : List.of(new MirrorDescentStep(0.7), new SurrogateGradientStep(2, false, true))) {
            for (List<PolicyEvaluation> tasks : List.of(randomTasks(41), finiteTasks())) {
                MethodMetaParameterComparator exact = new MethodMetaParameterComparator("m", algorithm, new AscentSettings(10, 0.1, 1, 0));
                MethodMetaParameterComparator numerical = new MethodMetaParameterComparator("m", new WithoutExactDerivatives(algorithm), new AscentSettings(10, 0.1, 1, 0));
                double[] phi = gaussian(42, tasks.get(0).mdp().states() * tasks.get(0).mdp().actions());

                double[] reference = exact.hypergradient(tasks, phi);
                double[] approximate = numerical.hypergradient(tasks, phi);

                assertThat(norm(reference)).as("nontrivial gradient").isGreaterThan(NONTRIVIAL);
                for (int i = 0; i < phi.length; i++) {
                    assertThat(approximate[i]).as("%s: ∂F/∂φ[%d]", algorithm, i).isCloseTo(reference[i], within(AGREEMENT_TOLERANCE));
                }
                assertThat(exact.toString()).contains("derivatives=exact]");
                assertThat(numerical.toString()).contains("derivatives=finite-differences]");
                assertThat(numerical.label()).contains("finite-difference derivatives");
                assertThat(exact.label()).doesNotContain("finite");
            }
        }
    }

    @Test
    void finiteDifferenceGradientCountsTheVisitation()
    {
        SurrogateGradientStep weighted = new SurrogateGradientStep(5, true, false);
        for (List<PolicyEvaluation> tasks : List.of(randomTasks(43), finiteTasks())) {
            MethodMetaParameterComparator comparator = new MethodMetaParameterComparator("m", weighted, new AscentSettings(10, 0.1, 1, 0));
            int size = tasks.get(0).mdp().states() * tasks.get(0).mdp().actions();
            double[] phi = gaussian(44, size);
            TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(tasks.get(0).mdp().states(), tasks.get(0).mdp().actions(), phi);
            TabularRound round = round(tasks.get(0), prior);
            double[] g = tasks.get(0).softmaxGradient(weighted.adapt(prior, round).probabilities());
            assertThat(norm(FiniteDifferenceDerivatives.of(weighted, prior, round, g).visitation())).as("∂(gᵀθ*)/∂ν").isGreaterThan(NONTRIVIAL);

            double[] gradient = comparator.hypergradient(tasks, phi);
            double[] differences = CentralDifferences.gradient(point -> comparator.objective(tasks, point), phi, STEP);
            for (int i = 0; i < size; i++) {
                assertThat(gradient[i]).as("∂F/∂φ[%d]", i).isCloseTo(differences[i], within(DIFFERENCE_TOLERANCE));
            }
        }
    }

    @Test
    void visitationGradientEqualsCentralDifferencesOfTheVisitation()
    {
        for (List<PolicyEvaluation> tasks : List.of(randomTasks(45), finiteTasks())) {
            PolicyEvaluation evaluation = tasks.get(0);
            TabularMdp mdp = evaluation.mdp();
            int size = mdp.states() * mdp.actions();
            double[] phi = gaussian(46, size);
            double[] nuBar = gaussian(47, mdp.states());

            double[] gradient = MethodMetaParameterComparator.visitationGradient(mdp, nuBar, probabilities(mdp, phi));

            for (int i = 0; i < size; i++) {
                double[] plus = phi.clone();
                double[] minus = phi.clone();
                plus[i] += STEP;
                minus[i] -= STEP;
                double difference = (dot(nuBar, evaluation.evaluate(probabilities(mdp, plus)).visitation())
                        - dot(nuBar, evaluation.evaluate(probabilities(mdp, minus)).visitation())) / (2 * STEP);
                assertThat(gradient[i]).as("%s: ∂(ν̄ᵀν)/∂φ[%d]", mdp, i).isCloseTo(difference, within(DIFFERENCE_TOLERANCE));
            }
        }
    }

    @Test
    void ascentWithoutExactDerivativesReachesTheBruteForceMaximum()
    {
        SurrogateGradientStep weighted = new SurrogateGradientStep(ALPHA, true, false);
        List<ModelTask> tasks = List.of(new ModelTask("a", twoStates(new double[] {1.0, 0.0, 0.0, 0.6})), new ModelTask("b", twoStates(new double[] {0.0, 1.0, 0.9, 0.0})));
        List<PolicyEvaluation> evaluations = tasks.stream().map(task -> new PolicyEvaluation(task.model())).toList();
        AscentSettings ascent = new AscentSettings(500, 0.1, 4, 0);
        MethodMetaParameterComparator comparator = new MethodMetaParameterComparator("m", weighted, ascent);

        double[] best = comparator.bestMetaParameter(evaluations);
        double reference = Arrays.stream(comparator.referenceValues(tasks)).average().orElseThrow();
        GridMaximum grid = bruteForce(weighted, evaluations);

        assertThat(reference).isEqualTo(comparator.objective(evaluations, best));
        RandomSource starts = RandomSource.seeded(ascent.seed()).derive("adapted-meta-parameter-comparator");
        for (int restart = 0; restart < ascent.restarts(); restart++) {
            double[] start = new double[4];
            if (restart > 0) {
                SplittableRandom random = starts.derive(restart).generator();
                for (int i = 0; i < start.length; i++) {
                    start[i] = random.nextGaussian();
                }
            }
            assertThat(reference).as("F(φ*) against F at start %d, %s", restart, Arrays.toString(start))
                    .isGreaterThanOrEqualTo(comparator.objective(evaluations, start) - ASCENT_TOLERANCE);
        }
        assertThat(grid.x()).as("interior optimum (d_0)").isStrictlyBetween(-RANGE + COARSE, RANGE - COARSE);
        assertThat(grid.y()).as("interior optimum (d_1)").isStrictlyBetween(-RANGE + COARSE, RANGE - COARSE);
        assertThat(reference).as("max_φ F(φ), grid optimum at d = (%s, %s)", grid.x(), grid.y()).isCloseTo(grid.value(), within(OPTIMUM_TOLERANCE));
        assertThat(comparator.toString()).contains("derivatives=finite-differences]");
    }

    /** α of the ν-weighted step on the two-state tasks. */
    private static final double ALPHA = 4;

    /**
     * max F over the logit differences d_s = φ_{s,1} − φ_{s,0} (F is invariant under a constant added
     * to a state's logits): a grid over [−6, 6]² of spacing 0.05, then one of spacing 5e-4 over ±0.05
     * around the best coarse point; F computed directly by {@link #adaptedMean}.
     */
    private static GridMaximum bruteForce(TabularAdaptation algorithm, List<PolicyEvaluation> tasks)
    {
        return GridMaximum.of((d0, d1) -> adaptedMean(algorithm, tasks, new double[] {0, d0, 0, d1}), RANGE, COARSE, FINE);
    }

    /** (1/n) Σ_τ J_τ(Alg(π_φ, τ)), adapting from the exact round of π_φ, independently of the comparator. */
    private static double adaptedMean(TabularAdaptation algorithm, List<PolicyEvaluation> tasks, double[] phi)
    {
        double sum = 0;
        for (PolicyEvaluation evaluation : tasks) {
            TabularSoftmaxPolicy prior = TabularSoftmaxPolicy.of(2, 2, phi);
            sum += evaluation.value(algorithm.adapt(prior, round(evaluation, prior)).probabilities());
        }
        return sum / tasks.size();
    }

    private static TabularRound round(PolicyEvaluation evaluation, TabularSoftmaxPolicy prior)
    {
        Evaluation exact = evaluation.evaluate(prior.probabilities());
        return new TabularRound(prior.states(), prior.actions(), exact.q(), exact.visitation(), exact.value(), 0);
    }

    /**
     * Two states; action 0 tends to stay, action 1 to switch (probability 0.8), so ν and Q depend on
     * the policy; r(s,a) at s·|A| + a whatever the next state; start in state 0; γ = 0.9.
     */
    private static TabularMdp twoStates(double[] stateActionReward)
    {
        double[] transition = {
                0.8, 0.2, 0.2, 0.8,
                0.2, 0.8, 0.8, 0.2};
        double[] reward = new double[8];
        for (int sa = 0; sa < 4; sa++) {
            reward[2 * sa] = stateActionReward[sa];
            reward[2 * sa + 1] = stateActionReward[sa];
        }
        return new TabularMdp(2, 2, transition, reward, GAMMA, TabularMdp.INFINITE_HORIZON, new double[] {1, 0});
    }

    private static List<PolicyEvaluation> randomTasks(long seed)
    {
        SplittableRandom random = RandomSource.seeded(seed).derive("mdps").generator();
        return List.of(new PolicyEvaluation(Mdps.random(random, 3, 2, GAMMA)), new PolicyEvaluation(Mdps.random(random, 3, 2, GAMMA)));
    }

    private static List<PolicyEvaluation> finiteTasks()
    {
        return List.of(new PolicyEvaluation(Mdps.stayOrLeave(1.0, 1.5)), new PolicyEvaluation(Mdps.stayOrLeave(0.4, -0.2)));
    }

    private static double[] gaussian(long seed, int size)
    {
        SplittableRandom random = RandomSource.seeded(seed).generator();
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static double[] probabilities(TabularMdp mdp, double[] phi)
    {
        return TabularSoftmaxPolicy.of(mdp.states(), mdp.actions(), phi).probabilities();
    }

    private static double dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] values)
    {
        return Math.sqrt(dot(values, values));
    }
}
