package org.bomrl.baselines;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each inner objective's second-order meta-gradient term α∇²Ĵ_𝒟(φ)·v has the expectation it
 * declares ({@link InnerObjective}, spec §7.3), on a one-step Gaussian bandit with exact
 * expectations: π_θ(a) = N(μ, σ²), θ = (w, μ, log σ) of a linear-Gaussian policy at observation 0,
 * reward R(a) = −(a − c)², advantages Â = R(a) − J(φ) with the exact J(θ) = −((μ − c)² + σ²).
 * With d = μ − c (ρ = log σ):
 * <ul>
 * <li>LVC and the smoothed ratio: E[∇²Ĵ] = ∇²J = [[−2, 0], [0, −4σ²]] (the unbiased Hessian at the prior);</li>
 * <li>REINFORCE (MAML's log-likelihood loss): E[(R − J)∇² log π] = [[0, 4d], [4d, 4σ²]], from
 * ∇²_μμ log π = −1/σ², ∇²_μρ log π = −2z/σ, ∇²_ρρ log π = −2z² (z = (a − μ)/σ), E[z(d + σz)²] = 2dσ and
 * E[z²(d + σz)²] = d² + 3σ² — it misses E[A ∇log π ∇log πᵀ], the term LVC restores.</li>
 * </ul>
 * Statistical tolerance: the mean over {@value #BATCHES} independent batches of {@value #ROWS}
 * samples must lie within {@value #STANDARD_ERRORS} standard errors (their sample standard
 * deviation / √{@value #BATCHES}) of the closed form, per component.
 */
final class InnerObjectiveExpectationTest
{
    private static final int BATCHES = 400;
    private static final int ROWS = 500;
    private static final double STANDARD_ERRORS = 4.5;
    private static final double ALPHA = 0.1;
    private static final double MU = 0.3;
    private static final double LOG_STD = -0.4;
    private static final double TARGET = 1.1;
    /** min over components of |LVC claim − REINFORCE claim| = min(2, 4|d|, 8σ²). */
    private static final double SMALLEST_GAP = Math.min(2, Math.min(4 * Math.abs(MU - TARGET), 8 * Math.exp(2 * LOG_STD)));

    @Test
    void likelihoodRatioAndSmoothedRatioEstimateTheTrueHessian()
    {
        double variance = Math.exp(2 * LOG_STD);
        for (InnerObjective objective : new InnerObjective[] {InnerObjective.LIKELIHOOD_RATIO, InnerObjective.SMOOTHED_RATIO}) {
            check(objective, new double[][] {{-2, 0}, {0, -4 * variance}});
        }
    }

    @Test
    void reinforceEstimatesOnlyThePolicyCurvatureTerm()
    {
        double variance = Math.exp(2 * LOG_STD);
        double d = MU - TARGET;
        check(InnerObjective.REINFORCE, new double[][] {{0, 4 * d}, {4 * d, 4 * variance}});
    }

    /** Checks E[∇²Ĵ e_j] against column j of {@code expected} (rows and columns μ, log σ). */
    private static void check(InnerObjective objective, double[][] expected)
    {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(1, 1, new int[0], Activation.TANH, LOG_STD);
        double[] phi = {0.7, MU, LOG_STD};
        InnerStep step = new InnerStep(objective, ALPHA);
        SplittableRandom random = RandomSource.seeded(29).derive(objective.name()).generator();
        double exactReturn = -((MU - TARGET) * (MU - TARGET) + Math.exp(2 * LOG_STD));
        double[][] sum = new double[2][2];
        double[][] sumSquares = new double[2][2];
        double[] out = new double[3];
        for (int b = 0; b < BATCHES; b++) {
            double[] actions = new double[ROWS];
            double[] logProbabilities = new double[ROWS];
            double[] advantages = new double[ROWS];
            double[] action = new double[1];
            for (int i = 0; i < ROWS; i++) {
                logProbabilities[i] = policy.sample(phi, new double[1], random, action);
                actions[i] = action[0];
                advantages[i] = -(action[0] - TARGET) * (action[0] - TARGET) - exactReturn;
            }
            TrajectoryBatch batch = bandit(actions, logProbabilities);
            for (int j = 0; j < 2; j++) {
                double[] v = new double[3];
                v[j + 1] = 1;
                step.jacobianTransposeTimes(policy, phi, batch, advantages, v, out);
                for (int i = 0; i < 2; i++) {
                    double hessian = (out[i + 1] - v[i + 1]) / ALPHA;
                    sum[i][j] += hessian;
                    sumSquares[i][j] += hessian * hessian;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double mean = sum[i][j] / BATCHES;
                double standardError = Math.sqrt((sumSquares[i][j] / BATCHES - mean * mean) / (BATCHES - 1));
                assertThat(Math.abs(mean - expected[i][j])).as("%s: E[∇²Ĵ](%d,%d) = %s ± %s vs %s", objective, i, j, mean, standardError, expected[i][j])
                        .isLessThan(STANDARD_ERRORS * standardError);
                assertThat(STANDARD_ERRORS * standardError).as("the tolerance separates the two claims, which differ by ≥ %s per component", SMALLEST_GAP)
                        .isLessThan(SMALLEST_GAP / 4);
            }
        }
    }

    private static TrajectoryBatch bandit(double[] actions, double[] logProbabilities)
    {
        int n = actions.length;
        int[] starts = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            starts[i] = i;
        }
        boolean[] truncated = new boolean[n];
        java.util.Arrays.fill(truncated, true);
        return new TrajectoryBatch("bandit", 1, 1, starts, new double[n], actions, new double[n], logProbabilities, new boolean[n], truncated, new double[n]);
    }
}
