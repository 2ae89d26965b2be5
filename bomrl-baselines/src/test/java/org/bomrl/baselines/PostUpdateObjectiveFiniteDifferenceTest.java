package org.bomrl.baselines;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Task;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ProMP's clipped outer objective and E-MAML's outer objective with the exploration term (spec
 * §7.3), on fixed pre- and post-update batches of a linear-Gaussian policy in
 * {@code env.linear-quadratic}: the analytic gradients through the inner step equal central finite
 * differences of the task's surrogate ℓ_τ, at φo (where −∇ℓ_τ = h) and away from it (where ProMP's
 * clipping is active for part of the rows); at φo, h equals MAML's second-order meta-gradient with
 * the same inner objective plus, for E-MAML, R̃_τ·mean_𝒟 ∇log π_φ, with R̃ recomputed here from
 * the rewards of the whole meta-batch. At φo the surrogates have their closed forms (r' = 1); the
 * six-argument meta-gradient, which lacks 𝒟', and states of another algorithm are refused.
 */
final class PostUpdateObjectiveFiniteDifferenceTest
{
    private static final int HORIZON = 20;
    private static final double ALPHA = 0.1;
    private static final double CLIP = 0.3;
    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** Independent evaluations of the same sums in a different order. */
    private static final double ROUNDING = 1e-10;
    /** |r' − (1 ± ε)| above which a row's clipping state cannot change within ±{@link #STEP}. */
    private static final double CLIP_MARGIN = 1e-4;
    private static final double[] PHI = {-0.6, -0.9, 0.05, -0.7};
    private static final double[] AWAY = {-0.3, -1.2, 0.3, -0.55};

    @Test
    void proMpGradientMatchesFiniteDifferencesAtAndAwayFromThePrior()
    {
        GaussianMlpPolicy policy = policy();
        Fixture fixture = Fixture.of(policy, 4, 17);
        GaussianProMp proMp = new GaussianProMp(ALPHA, CLIP);
        AdaptationResult adapted = proMp.adapt(policy, PHI, fixture.batch, fixture.advantages);
        TrajectoryBatch after = fixture.after(policy, adapted.theta(), 23);
        double[] afterAdvantages = LinearQuadraticBatches.advantages(after, fixture.gamma);

        MetaGradient metaGradient = proMp.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, after, afterAdvantages);

        GaussianAdaptation lvcMaml = new GaussianMaml(new InnerStep(InnerObjective.LIKELIHOOD_RATIO, ALPHA), HypergradientOrder.SECOND, 1.0);
        double[] maml = lvcMaml.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, after, afterAdvantages).h();
        double scale = maxAbs(maml);
        assertThat(scale).as("the meta-gradient is not trivial").isGreaterThan(1e-3);
        for (int i = 0; i < PHI.length; i++) {
            assertThat(Math.abs(metaGradient.h()[i] - maml[i])).as("h[%d] = MAML-LVC's second-order meta-gradient", i).isLessThan(ROUNDING * scale);
        }
        checkGradient(proMp, policy, PHI, fixture.batch, metaGradient, metaGradient.h(), scale);

        double[] ratios = ratios(policy, proMp.step(), AWAY, fixture, after, metaGradient);
        long clipped = Arrays.stream(ratios).filter(r -> r < 1 - CLIP || r > 1 + CLIP).count();
        assertThat(clipped).as("clipping is active for some rows away from φo").isGreaterThan(ratios.length / 20);
        assertThat(clipped).as("and not for all").isLessThan(ratios.length - ratios.length / 20);
        for (double r : ratios) {
            assertThat(Math.min(Math.abs(r - 1 - CLIP), Math.abs(r - 1 + CLIP))).as("no row sits on a clip boundary").isGreaterThan(CLIP_MARGIN);
        }
        double[] analytic = new double[PHI.length];
        proMp.surrogateLossGradient(policy, AWAY, fixture.batch, metaGradient, analytic);
        for (int i = 0; i < PHI.length; i++) {
            analytic[i] = -analytic[i];
        }
        checkGradient(proMp, policy, AWAY, fixture.batch, metaGradient, analytic, maxAbs(analytic));
    }

    @Test
    void eMamlGradientWithStandardisedReturnsMatchesFiniteDifferences()
    {
        GaussianMlpPolicy policy = policy();
        GaussianEmaml emaml = new GaussianEmaml(ALPHA);
        GaussianAdaptation reinforceMaml = new GaussianMaml(new InnerStep(InnerObjective.REINFORCE, ALPHA), HypergradientOrder.SECOND, 1.0);
        List<Fixture> fixtures = new ArrayList<>();
        List<MetaGradient> unstandardised = new ArrayList<>();
        List<double[]> mamlGradients = new ArrayList<>();
        List<TrajectoryBatch> afters = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            Fixture fixture = Fixture.of(policy, 2 * task + 1, 31 + task);
            AdaptationResult adapted = emaml.adapt(policy, PHI, fixture.batch, fixture.advantages);
            TrajectoryBatch after = fixture.after(policy, adapted.theta(), 41 + task);
            double[] afterAdvantages = LinearQuadraticBatches.advantages(after, fixture.gamma);
            fixtures.add(fixture);
            afters.add(after);
            unstandardised.add(emaml.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, after, afterAdvantages));
            mamlGradients.add(reinforceMaml.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, after, afterAdvantages).h());
        }
        double[] allRewards = afters.stream().flatMapToDouble(after -> Arrays.stream(after.rewards())).toArray();
        double mean = Arrays.stream(allRewards).average().orElseThrow();
        double deviation = Math.sqrt(Arrays.stream(allRewards).map(r -> (r - mean) * (r - mean)).sum() / allRewards.length);

        List<MetaGradient> standardised = emaml.standardised(unstandardised);

        double sumOfStandardised = 0;
        for (int task = 0; task < 3; task++) {
            Fixture fixture = fixtures.get(task);
            MetaGradient metaGradient = standardised.get(task);
            double[] rewards = afters.get(task).rewards();
            double expectedStandardised = Arrays.stream(rewards).map(r -> (r - mean) / (deviation + GaussianEmaml.STANDARDISATION_EPSILON)).average().orElseThrow();
            assertThat(metaGradient.state()[0]).as("R̃ of task %d", task).isCloseTo(expectedStandardised, org.assertj.core.data.Offset.offset(ROUNDING));
            assertThat(Math.abs(expectedStandardised)).as("R̃ of task %d is not negligible", task).isGreaterThan(1e-2);
            sumOfStandardised += expectedStandardised * rewards.length;
            double[] meanScore = new double[PHI.length];
            double[] weights = new double[fixture.batch.steps()];
            Arrays.fill(weights, 1.0 / weights.length);
            policy.scoreGradient(PHI, fixture.batch, weights, meanScore, null);
            double[] expected = mamlGradients.get(task).clone();
            for (int i = 0; i < PHI.length; i++) {
                expected[i] += expectedStandardised * meanScore[i];
            }
            double scale = maxAbs(expected);
            for (int i = 0; i < PHI.length; i++) {
                assertThat(Math.abs(metaGradient.h()[i] - expected[i])).as("task %d: h[%d] = MAML-REINFORCE + R̃·mean ∇log π", task, i).isLessThan(ROUNDING * scale);
            }
            checkGradient(emaml, policy, PHI, fixture.batch, metaGradient, metaGradient.h(), scale);
            double[] analytic = new double[PHI.length];
            emaml.surrogateLossGradient(policy, AWAY, fixture.batch, metaGradient, analytic);
            for (int i = 0; i < PHI.length; i++) {
                analytic[i] = -analytic[i];
            }
            checkGradient(emaml, policy, AWAY, fixture.batch, metaGradient, analytic, maxAbs(analytic));
        }
        assertThat(Math.abs(sumOfStandardised)).as("standardised rewards sum to zero over the meta-batch").isLessThan(ROUNDING * allRewards.length);
    }

    @Test
    void surrogatesAtThePriorAreMinusTheMeanPostUpdateAdvantagePlusTheExplorationTerm()
    {
        GaussianMlpPolicy policy = policy();
        Fixture fixture = Fixture.of(policy, 3, 7);
        GaussianProMp proMp = new GaussianProMp(ALPHA, CLIP);
        GaussianEmaml emaml = new GaussianEmaml(ALPHA);
        AdaptationResult lvc = proMp.adapt(policy, PHI, fixture.batch, fixture.advantages);
        AdaptationResult reinforce = emaml.adapt(policy, PHI, fixture.batch, fixture.advantages);
        TrajectoryBatch afterLvc = fixture.after(policy, lvc.theta(), 11);
        TrajectoryBatch afterReinforce = fixture.after(policy, reinforce.theta(), 13);
        double[] advantagesLvc = LinearQuadraticBatches.advantages(afterLvc, fixture.gamma);
        double[] advantagesReinforce = shifted(LinearQuadraticBatches.advantages(afterReinforce, fixture.gamma), 0, 0.5);
        MetaGradient proMpGradient = proMp.metaGradient(policy, PHI, lvc, fixture.batch, fixture.advantages, afterLvc, advantagesLvc);
        MetaGradient emamlGradient = emaml.metaGradient(policy, PHI, reinforce, fixture.batch, fixture.advantages, afterReinforce, advantagesReinforce);
        double[] preScores = new double[fixture.batch.steps()];
        policy.logProbabilities(PHI, fixture.batch, preScores);
        double explorationWeight = 0.7;
        double[] state = emamlGradient.state().clone();
        state[0] = explorationWeight;
        MetaGradient explored = new MetaGradient(emamlGradient.h(), state, false);

        assertThat(proMp.surrogateLoss(policy, PHI, fixture.batch, proMpGradient)).as("r' = 1 at φo")
                .isCloseTo(-Arrays.stream(advantagesLvc).average().orElseThrow(), org.assertj.core.data.Offset.offset(ROUNDING));
        assertThat(emaml.surrogateLoss(policy, PHI, fixture.batch, emamlGradient)).as("R̃ = 0 before standardisation")
                .isCloseTo(-Arrays.stream(advantagesReinforce).average().orElseThrow(), org.assertj.core.data.Offset.offset(ROUNDING));
        assertThat(emaml.surrogateLoss(policy, PHI, fixture.batch, explored)).as("−mean Â' − R̃·mean log π_φ")
                .isCloseTo(-Arrays.stream(advantagesReinforce).average().orElseThrow() - explorationWeight * Arrays.stream(preScores).average().orElseThrow(),
                        org.assertj.core.data.Offset.offset(ROUNDING * (1 + Math.abs(Arrays.stream(preScores).average().orElseThrow()))));
    }

    @Test
    void bothRefuseTheMetaGradientWithoutThePostUpdateBatchAndForeignStates()
    {
        GaussianMlpPolicy policy = policy();
        Fixture fixture = Fixture.of(policy, 0, 9);
        GaussianProMp proMp = new GaussianProMp(ALPHA, CLIP);
        GaussianEmaml emaml = new GaussianEmaml(ALPHA);
        AdaptationResult adapted = proMp.adapt(policy, PHI, fixture.batch, fixture.advantages);
        MetaGradient foreign = new MetaGradient(new double[PHI.length], new double[PHI.length + fixture.batch.steps()], false);

        assertThatThrownBy(() -> proMp.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, new double[PHI.length]))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("post-update batch");
        assertThatThrownBy(() -> emaml.metaGradient(policy, PHI, adapted, fixture.batch, fixture.advantages, new double[PHI.length]))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("post-update batch");
        assertThatThrownBy(() -> proMp.surrogateLoss(policy, PHI, fixture.batch, foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meta-gradient state has").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> emaml.surrogateLoss(policy, PHI, fixture.batch, foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meta-gradient state has").hasMessageNotContaining("\n");
    }

    /** −∂ℓ/∂φ'_i by central differences against {@code expected}. */
    private static void checkGradient(GaussianAdaptation algorithm, GaussianMlpPolicy policy, double[] at, TrajectoryBatch batch, MetaGradient metaGradient, double[] expected,
            double scale)
    {
        for (int i = 0; i < at.length; i++) {
            double slope = (algorithm.surrogateLoss(policy, shifted(at, i, STEP), batch, metaGradient) - algorithm.surrogateLoss(policy, shifted(at, i, -STEP), batch, metaGradient))
                    / (2 * STEP);
            assertThat(Math.abs(-slope - expected[i])).as("%s at %s: −∂ℓ/∂φ[%d] = %s vs %s", algorithm, Arrays.toString(at), i, -slope, expected[i])
                    .isLessThan(RELATIVE_TOLERANCE * scale);
        }
        double[] analytic = new double[at.length];
        algorithm.surrogateLossGradient(policy, at, batch, metaGradient, analytic);
        for (int i = 0; i < at.length; i++) {
            assertThat(Math.abs(-analytic[i] - expected[i])).as("analytic −∇ℓ[%d]", i).isLessThan(ROUNDING * scale);
        }
    }

    /** r'_j = π_θ(φ')(a_j|s_j)/π_θ(φo)(a_j|s_j) on 𝒟', recomputed independently of the objective. */
    private static double[] ratios(GaussianMlpPolicy policy, InnerStep step, double[] phiPrime, Fixture fixture, TrajectoryBatch after, MetaGradient metaGradient)
    {
        double[] theta = step.theta(policy, phiPrime, fixture.batch, fixture.advantages, ALPHA);
        double[] scores = new double[after.steps()];
        policy.logProbabilities(theta, after, scores);
        double[] ratios = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            ratios[j] = Math.exp(scores[j] - after.dataLogProbabilities()[j]);
        }
        return ratios;
    }

    private static GaussianMlpPolicy policy()
    {
        return new GaussianMlpPolicy(2, 1, new int[0], Activation.TANH, -0.7);
    }

    private static double maxAbs(double[] x)
    {
        return Arrays.stream(x).map(Math::abs).max().orElseThrow();
    }

    private static double[] shifted(double[] x, int i, double by)
    {
        double[] y = x.clone();
        y[i] += by;
        return y;
    }

    /** A task, its pre-update batch of π_φ and Monte-Carlo advantages. */
    private record Fixture(Task<double[], double[]> task, double gamma, TrajectoryBatch batch, double[] advantages)
    {
        static Fixture of(GaussianMlpPolicy policy, int taskIndex, long seed)
        {
            Task<double[], double[]> task = LinearQuadraticBatches.task(HORIZON, taskIndex);
            double gamma = task.capability(LinearQuadraticModel.class).get().gamma();
            TrajectoryBatch batch = LinearQuadraticBatches.collect(task, policy, PHI, 30, HORIZON, RandomSource.seeded(seed));
            return new Fixture(task, gamma, batch, LinearQuadraticBatches.advantages(batch, gamma));
        }

        TrajectoryBatch after(GaussianMlpPolicy policy, double[] theta, long seed)
        {
            return LinearQuadraticBatches.collect(task, policy, theta, 20, HORIZON, RandomSource.seeded(seed));
        }
    }
}
