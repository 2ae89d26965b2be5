package org.bomrl.numerics.neural;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GaussianMlpPolicyTest
{
    /** Central-difference step for first derivatives: truncation O(h²)·f''' ≈ 1e-12, rounding ε|f|/h ≈ 1e-8 for |f| ≈ 100. */
    private static final double STEP = 1e-6;
    /** Agreement of analytic and central-difference derivatives, relative to max(1, ‖exact‖∞): both error terms above, with margin. */
    private static final double DIFFERENCE_TOLERANCE = 1e-6;
    /** Step for the second differences of the brute-force Hessian: rounding ε|f|/h² ≈ 1e-8, truncation h²·f'''' ≈ 1e-8. */
    private static final double HESSIAN_STEP = 1e-4;
    private static final double HESSIAN_TOLERANCE = 1e-5;
    /** Closed-form and network evaluations of the same expression differ by rounding only. */
    private static final double ROUNDING = 1e-12;
    /** More rows than one chunk, so the chunked passes and their accumulation are exercised. */
    private static final int ROWS = GaussianMlpPolicy.CHUNK + 45;

    private final SplittableRandom random = RandomSource.seeded(7).derive("mlp-test").generator();

    @Test
    void scoreGradientMatchesCentralDifferences()
    {
        for (GaussianMlpPolicy policy : policies()) {
            double[] theta = perturbed(policy);
            TrajectoryBatch batch = batch(policy, ROWS);
            double[] w = uniform(ROWS, -1, 1);
            double[] gradient = new double[policy.parameterCount()];
            double[] logProbabilities = new double[ROWS];
            policy.scoreGradient(theta, batch, w, gradient, logProbabilities);

            double[] expectedLogProbabilities = new double[ROWS];
            policy.logProbabilities(theta, batch, expectedLogProbabilities);
            assertThat(logProbabilities).containsExactly(expectedLogProbabilities, within(ROUNDING));
            double[] numeric = gradientByDifferences(theta, t -> weightedScore(policy, t, batch, w));
            assertClose(gradient, numeric, DIFFERENCE_TOLERANCE, policy.name());
        }
    }

    @Test
    void scoreHessianVectorMatchesDifferencesOfTheGradient()
    {
        for (GaussianMlpPolicy policy : policies()) {
            double[] theta = perturbed(policy);
            TrajectoryBatch batch = batch(policy, ROWS);
            // f_i(ℓ) = α_i ℓ + ½ β_i ℓ², so f' = α + βℓ and f'' = β
            double[] alpha = uniform(ROWS, -1, 1);
            double[] beta = uniform(ROWS, -0.1, 0.1);
            double[] v = uniform(policy.parameterCount(), -1, 1);
            double[] hv = new double[policy.parameterCount()];
            policy.scoreHessianVector(theta, batch, firstDerivatives(policy, theta, batch, alpha, beta), beta, v, hv);

            double[] plus = objectiveGradient(policy, shifted(theta, v, STEP), batch, alpha, beta);
            double[] minus = objectiveGradient(policy, shifted(theta, v, -STEP), batch, alpha, beta);
            double[] numeric = new double[hv.length];
            for (int j = 0; j < hv.length; j++) {
                numeric[j] = (plus[j] - minus[j]) / (2 * STEP);
            }
            assertClose(hv, numeric, DIFFERENCE_TOLERANCE, policy.name());
        }
    }

    @Test
    void scoreHessianVectorMatchesBruteForceHessianOfATinyNet()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(2, 2, 3);
        double[] theta = perturbed(policy);
        int rows = 5;
        TrajectoryBatch batch = batch(policy, rows);
        double[] alpha = uniform(rows, -1, 1);
        double[] beta = uniform(rows, -0.5, 0.5);
        int n = policy.parameterCount();
        java.util.function.ToDoubleFunction<double[]> objective = t -> {
            double[] l = new double[rows];
            policy.logProbabilities(t, batch, l);
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += alpha[i] * l[i] + 0.5 * beta[i] * l[i] * l[i];
            }
            return sum;
        };
        double[][] hessian = new double[n][n];
        double h = HESSIAN_STEP;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double[] pp = theta.clone();
                double[] pm = theta.clone();
                double[] mp = theta.clone();
                double[] mm = theta.clone();
                pp[j] += h;
                pp[k] += h;
                pm[j] += h;
                pm[k] -= h;
                mp[j] -= h;
                mp[k] += h;
                mm[j] -= h;
                mm[k] -= h;
                hessian[j][k] = (objective.applyAsDouble(pp) - objective.applyAsDouble(pm) - objective.applyAsDouble(mp) + objective.applyAsDouble(mm)) / (4 * h * h);
            }
        }
        double[] first = firstDerivatives(policy, theta, batch, alpha, beta);
        double scale = 1;
        for (double[] row : hessian) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double[] column = new double[n];
            policy.scoreHessianVector(theta, batch, first, beta, e, column);
            for (int j = 0; j < n; j++) {
                assertThat(column[j]).as("H[%d][%d]", j, k).isCloseTo(hessian[j][k], within(HESSIAN_TOLERANCE * scale));
            }
        }
    }

    @Test
    void outputDerivativesMatchCentralDifferences()
    {
        for (GaussianMlpPolicy policy : policies()) {
            int p = policy.parameterCount();
            int dAct = policy.actionDimension();
            double[] theta = perturbed(policy);
            double[] observations = uniform(ROWS * policy.observationDimension(), -2, 2);
            double[] v = uniform(p, -1, 1);

            // Jacobian–vector product against (μ(θ+hv) − μ(θ−hv))/2h
            double[] rMeans = new double[ROWS * dAct];
            double[] rLogStd = new double[dAct];
            policy.outputDirectional(theta, observations, ROWS, v, rMeans, rLogStd);
            double[] meansPlus = means(policy, shifted(theta, v, STEP), observations);
            double[] meansMinus = means(policy, shifted(theta, v, -STEP), observations);
            double[] numericDirectional = new double[rMeans.length];
            for (int i = 0; i < rMeans.length; i++) {
                numericDirectional[i] = (meansPlus[i] - meansMinus[i]) / (2 * STEP);
            }
            assertClose(rMeans, numericDirectional, DIFFERENCE_TOLERANCE, policy.name() + " JVP");
            for (int d = 0; d < dAct; d++) {
                assertThat(rLogStd[d]).isEqualTo(v[policy.logStdOffset() + d]);
            }

            // vector–Jacobian product against the gradient of c(θ) = Σ g·μ + gLogStd·log σ
            double[] g = uniform(ROWS * dAct, -1, 1);
            double[] gLogStd = uniform(dAct, -1, 1);
            double[] vjp = new double[p];
            policy.outputGradient(theta, observations, ROWS, g, gLogStd, vjp);
            double[] numericVjp = gradientByDifferences(theta, t -> {
                double[] mu = means(policy, t, observations);
                double sum = 0;
                for (int i = 0; i < mu.length; i++) {
                    sum += g[i] * mu[i];
                }
                for (int d = 0; d < dAct; d++) {
                    sum += gLogStd[d] * t[policy.logStdOffset() + d];
                }
                return sum;
            });
            assertClose(vjp, numericVjp, DIFFERENCE_TOLERANCE, policy.name() + " VJP");

            // R-operator of the VJP for c = Σ g·μ + ½ Σ κ μ² + ½ κ' Σ (log σ)²: ∂c/∂μ = g + κμ, rg = κ(Jv), ∂c/∂log σ = κ' log σ, rg = κ' v_σ
            double[] kappa = uniform(ROWS * dAct, -1, 1);
            double kappaLogStd = 0.7;
            double[] rg = new double[ROWS * dAct];
            for (int i = 0; i < rg.length; i++) {
                rg[i] = kappa[i] * rMeans[i];
            }
            double[] rgLogStd = new double[dAct];
            for (int d = 0; d < dAct; d++) {
                rgLogStd[d] = kappaLogStd * v[policy.logStdOffset() + d];
            }
            double[] hv = new double[p];
            policy.outputHessianVector(theta, observations, ROWS, costGradient(policy, theta, observations, g, kappa, kappaLogStd), logStdCost(policy, theta, kappaLogStd),
                    rg, rgLogStd, v, hv);
            double[] plus = new double[p];
            double[] minus = new double[p];
            double[] tp = shifted(theta, v, STEP);
            double[] tm = shifted(theta, v, -STEP);
            policy.outputGradient(tp, observations, ROWS, costGradient(policy, tp, observations, g, kappa, kappaLogStd), logStdCost(policy, tp, kappaLogStd), plus);
            policy.outputGradient(tm, observations, ROWS, costGradient(policy, tm, observations, g, kappa, kappaLogStd), logStdCost(policy, tm, kappaLogStd), minus);
            double[] numericHv = new double[p];
            for (int j = 0; j < p; j++) {
                numericHv[j] = (plus[j] - minus[j]) / (2 * STEP);
            }
            assertClose(hv, numericHv, DIFFERENCE_TOLERANCE, policy.name() + " output HVP");
        }
    }

    @Test
    void linearGaussianMatchesClosedForm()
    {
        int dObs = 3;
        int dAct = 2;
        GaussianMlpPolicy policy = new GaussianMlpPolicy(dObs, dAct, new int[0], Activation.TANH, -0.3);
        assertThat(policy.parameterCount()).isEqualTo(dAct * dObs + 2 * dAct);
        assertThat(policy.biasOffset(0)).isEqualTo(dAct * dObs);
        assertThat(policy.logStdOffset()).isEqualTo(dAct * dObs + dAct);
        double[] theta = uniform(policy.parameterCount(), -1, 1);
        TrajectoryBatch batch = batch(policy, ROWS);
        double[] w = uniform(ROWS, -1, 1);
        double[] logProbabilities = new double[ROWS];
        double[] gradient = new double[policy.parameterCount()];
        policy.scoreGradient(theta, batch, w, gradient, logProbabilities);

        double[] expectedGradient = new double[policy.parameterCount()];
        for (int i = 0; i < ROWS; i++) {
            double logP = 0;
            for (int d = 0; d < dAct; d++) {
                double mu = theta[dAct * dObs + d];
                for (int j = 0; j < dObs; j++) {
                    mu += theta[d * dObs + j] * batch.observations()[i * dObs + j];
                }
                double logStd = theta[dAct * dObs + dAct + d];
                double sigma = Math.exp(logStd);
                double delta = batch.actions()[i * dAct + d] - mu;
                logP += -delta * delta / (2 * sigma * sigma) - logStd - 0.5 * Math.log(2 * Math.PI);
                for (int j = 0; j < dObs; j++) {
                    expectedGradient[d * dObs + j] += w[i] * delta / (sigma * sigma) * batch.observations()[i * dObs + j];
                }
                expectedGradient[dAct * dObs + d] += w[i] * delta / (sigma * sigma);
                expectedGradient[dAct * dObs + dAct + d] += w[i] * (delta * delta / (sigma * sigma) - 1);
            }
            assertThat(logProbabilities[i]).isCloseTo(logP, within(ROUNDING));
            assertThat(policy.logProbability(theta, row(batch.observations(), i, dObs), row(batch.actions(), i, dAct))).isCloseTo(logP, within(ROUNDING));
        }
        assertClose(gradient, expectedGradient, ROUNDING, "linear");
    }

    @Test
    void samplesHaveTheMeanAndStdOfThePolicy()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(4, 3, 8, 8);
        double[] theta = perturbed(policy);
        double[] s = uniform(4, -1, 1);
        double[] mu = new double[3];
        double[] logStd = new double[3];
        policy.outputs(theta, s, 1, mu, logStd);
        int samples = 200_000;
        SplittableRandom generator = RandomSource.seeded(99).derive("samples").generator();
        double[] sum = new double[3];
        double[] squares = new double[3];
        double[] a = new double[3];
        for (int k = 0; k < samples; k++) {
            double logP = policy.sample(theta, s, generator, a);
            if (k < 100) {
                assertThat(logP).isCloseTo(policy.logProbability(theta, s, a), within(ROUNDING));
            }
            for (int d = 0; d < 3; d++) {
                sum[d] += a[d];
                squares[d] += a[d] * a[d];
            }
        }
        for (int d = 0; d < 3; d++) {
            double sigma = Math.exp(logStd[d]);
            double mean = sum[d] / samples;
            double std = Math.sqrt(squares[d] / samples - mean * mean);
            // five standard errors: σ/√N for the mean, σ/√(2N) for the std (Gaussian samples)
            assertThat(mean).isCloseTo(mu[d], within(5 * sigma / Math.sqrt(samples)));
            assertThat(std).isCloseTo(sigma, within(5 * sigma / Math.sqrt(2.0 * samples)));
        }
    }

    @Test
    void seededRunsReproduce()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(5, 2, 6);
        double[] theta = policy.initialParameters(RandomSource.seeded(3).derive("init"));
        assertThat(policy.initialParameters(RandomSource.seeded(3).derive("init"))).isEqualTo(theta);
        assertThat(policy.initialParameters(RandomSource.seeded(4).derive("init"))).isNotEqualTo(theta);
        double[] s = uniform(5, -1, 1);
        SplittableRandom first = RandomSource.seeded(5).derive("roll").generator();
        SplittableRandom second = RandomSource.seeded(5).derive("roll").generator();
        double[] a = new double[2];
        double[] b = new double[2];
        for (int k = 0; k < 50; k++) {
            double la = policy.sample(theta, s, first, a);
            double lb = policy.sample(theta, s, second, b);
            assertThat(b).isEqualTo(a);
            assertThat(lb).isEqualTo(la);
        }
    }

    @Test
    void initialisationFollowsSpec5b()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(17, 6, 128, 128);
        assertThat(policy.parameterCount()).isEqualTo(17 * 128 + 128 + 128 * 128 + 128 + 128 * 6 + 6 + 6);
        assertThat(policy.name()).isEqualTo("gaussian-mlp(128,128,tanh)");
        double[] theta = policy.initialParameters(RandomSource.seeded(543).derive("policy"));
        for (int l = 0; l < 3; l++) {
            int in = policy.layerInputSize(l);
            int out = policy.layerOutputSize(l);
            double bound = 1 / Math.sqrt(in) * (l == 2 ? GaussianMlpPolicy.OUTPUT_WEIGHT_SCALE : 1);
            double sumSquares = 0;
            for (int i = 0; i < in * out; i++) {
                double x = theta[policy.weightOffset(l) + i];
                assertThat(Math.abs(x)).isLessThanOrEqualTo(bound);
                sumSquares += x * x;
            }
            // U(−b, b) has variance b²/3; with ≥ 768 draws the sample variance is within 15 % (about 4 standard errors)
            assertThat(sumSquares / (in * out)).isCloseTo(bound * bound / 3, within(0.15 * bound * bound / 3));
            for (int i = 0; i < out; i++) {
                double b = theta[policy.biasOffset(l) + i];
                if (l == 2) {
                    assertThat(b).isZero();
                }
                else {
                    assertThat(Math.abs(b)).isLessThanOrEqualTo(1 / Math.sqrt(in));
                }
            }
        }
        for (int d = 0; d < 6; d++) {
            assertThat(theta[policy.logStdOffset() + d]).isEqualTo(GaussianMlpPolicy.DEFAULT_INITIAL_LOG_STD);
        }
    }

    @Test
    void parameterLayoutPlacesWeightsThenBiasPerLayer()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(2, 1, 2);
        // θ = [W0 (2×2), b0 (2), W1 (1×2), b1 (1), log σ (1)]
        double[] theta = {0.1, 0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8, 0.9, -1};
        double[] s = {1.5, -2};
        double h0 = Math.tanh(0.1 * 1.5 + 0.2 * -2 - 0.5);
        double h1 = Math.tanh(0.3 * 1.5 + 0.4 * -2 + 0.6);
        double[] mu = new double[1];
        double[] logStd = new double[1];
        policy.outputs(theta, s, 1, mu, logStd);
        assertThat(mu[0]).isCloseTo(0.7 * h0 + 0.8 * h1 + 0.9, within(ROUNDING));
        assertThat(logStd[0]).isEqualTo(-1);
    }

    @Test
    void tanhAgreesWithTheLibrary()
    {
        double worst = 0;
        for (int k = -400_000; k <= 400_000; k++) {
            double z = k * 5e-5 + 1e-9;
            double exact = Math.tanh(z);
            worst = Math.max(worst, Math.abs(Activation.tanh(z) - exact) / Math.abs(exact));
        }
        // the nine doublings m ← m(m + 2) carry the polynomial's rounding up to a few ulps
        assertThat(worst).isLessThan(4e-15);
        double[] grid = new double[801];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = (k - 400) * 0.0625 + 1e-7;
        }
        double[] inPlace = grid.clone();
        Activation.tanhInPlace(inPlace, 0, inPlace.length);
        for (int k = 0; k < grid.length; k++) {
            assertThat(inPlace[k]).as("in place at %s", grid[k]).isEqualTo(Activation.tanh(grid[k]));
        }
        assertThat(Activation.tanh(-0.0)).isEqualTo(-0.0);
        assertThat(1 / Activation.tanh(-0.0)).isNegative();
        assertThat(Activation.tanh(19.0)).isCloseTo(Math.tanh(19.0), org.assertj.core.api.Assertions.within(2 * Math.ulp(1.0)));
        assertThat(Activation.tanh(19.2)).isEqualTo(Math.tanh(19.2)).isEqualTo(1);
        assertThat(Activation.tanh(1e-300)).isEqualTo(1e-300);
        assertThat(Activation.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Activation.tanh(-800)).isEqualTo(-1);
        assertThat(Activation.tanh(Double.NaN)).isNaN();
    }

    @Test
    void concurrentCallsGiveTheSameResults() throws Exception
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(6, 3, 16, 16);
        double[] theta = perturbed(policy);
        TrajectoryBatch batch = batch(policy, 1000);
        double[] w = uniform(1000, -1, 1);
        double[] expected = new double[policy.parameterCount()];
        policy.scoreGradient(theta, batch, w, expected, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[] out = new double[policy.parameterCount()];
                    for (int k = 0; k < 5; k++) {
                        policy.scoreGradient(theta, batch, w, out, null);
                    }
                    return out;
                }));
            }
            for (java.util.concurrent.Future<double[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsBadInput()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(3, 2, 4);
        assertThatThrownBy(() -> policy.logProbability(new double[3], new double[3], new double[2]))
                .hasMessage("theta must have " + policy.parameterCount() + " entries: 3");
        assertThatThrownBy(() -> GaussianMlpPolicy.tanh(3, 2, 4, 0)).hasMessage("hidden layer 1 must have a positive width: 0");
        TrajectoryBatch wrong = batch(GaussianMlpPolicy.tanh(4, 2), 3);
        assertThatThrownBy(() -> policy.logProbabilities(new double[policy.parameterCount()], wrong, new double[3]))
                .hasMessageContaining("batch dimensions (observation 4, action 2) do not match");
    }

    private static GaussianMlpPolicy[] policies()
    {
        return new GaussianMlpPolicy[] {
                GaussianMlpPolicy.tanh(3, 2, 5, 4),
                new GaussianMlpPolicy(3, 2, new int[] {6}, Activation.RELU, -0.2),
                new GaussianMlpPolicy(4, 3, new int[0], Activation.TANH, 0.1),
        };
    }

    /** Initial parameters with every entry (log σ included) moved so that no derivative vanishes by symmetry. */
    private double[] perturbed(GaussianMlpPolicy policy)
    {
        double[] theta = policy.initialParameters(RandomSource.seeded(11).derive(policy.name()));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += random.nextDouble(-0.3, 0.3);
        }
        return theta;
    }

    private TrajectoryBatch batch(GaussianMlpPolicy policy, int rows)
    {
        int dObs = policy.observationDimension();
        int dAct = policy.actionDimension();
        return new TrajectoryBatch("task", dObs, dAct, new int[] {0, rows}, uniform(rows * dObs, -2, 2), uniform(rows * dAct, -1.5, 1.5), new double[rows],
                new double[rows], new boolean[rows], new boolean[rows], new double[dObs]);
    }

    private double[] uniform(int n, double low, double high)
    {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(low, high);
        }
        return x;
    }

    private static double weightedScore(GaussianMlpPolicy policy, double[] theta, TrajectoryBatch batch, double[] w)
    {
        double[] l = new double[batch.steps()];
        policy.logProbabilities(theta, batch, l);
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += w[i] * l[i];
        }
        return sum;
    }

    private static double[] firstDerivatives(GaussianMlpPolicy policy, double[] theta, TrajectoryBatch batch, double[] alpha, double[] beta)
    {
        double[] l = new double[batch.steps()];
        policy.logProbabilities(theta, batch, l);
        double[] first = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            first[i] = alpha[i] + beta[i] * l[i];
        }
        return first;
    }

    private static double[] objectiveGradient(GaussianMlpPolicy policy, double[] theta, TrajectoryBatch batch, double[] alpha, double[] beta)
    {
        double[] gradient = new double[policy.parameterCount()];
        policy.scoreGradient(theta, batch, firstDerivatives(policy, theta, batch, alpha, beta), gradient, null);
        return gradient;
    }

    private static double[] costGradient(GaussianMlpPolicy policy, double[] theta, double[] observations, double[] g, double[] kappa, double kappaLogStd)
    {
        double[] mu = means(policy, theta, observations);
        double[] out = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            out[i] = g[i] + kappa[i] * mu[i];
        }
        return out;
    }

    private static double[] logStdCost(GaussianMlpPolicy policy, double[] theta, double kappaLogStd)
    {
        double[] out = new double[policy.actionDimension()];
        for (int d = 0; d < out.length; d++) {
            out[d] = kappaLogStd * theta[policy.logStdOffset() + d];
        }
        return out;
    }

    private static double[] means(GaussianMlpPolicy policy, double[] theta, double[] observations)
    {
        int n = observations.length / policy.observationDimension();
        double[] mu = new double[n * policy.actionDimension()];
        policy.outputs(theta, observations, n, mu, new double[policy.actionDimension()]);
        return mu;
    }

    private static double[] gradientByDifferences(double[] theta, java.util.function.ToDoubleFunction<double[]> f)
    {
        double[] g = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += STEP;
            minus[j] -= STEP;
            g[j] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * STEP);
        }
        return g;
    }

    private static double[] shifted(double[] theta, double[] v, double step)
    {
        double[] out = theta.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += step * v[i];
        }
        return out;
    }

    private static double[] row(double[] x, int i, int width)
    {
        double[] out = new double[width];
        System.arraycopy(x, i * width, out, 0, width);
        return out;
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance, String what)
    {
        double scale = 1;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        assertThat(actual).as(what).containsExactly(expected, within(tolerance * scale));
    }
}
