package org.bomrl.numerics.optim;

import org.bomrl.api.context.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * TRPO steps on quadratic losses ℓ(x) = gᵀ(x − φ) + ½(x − φ)ᵀA(x − φ) with A = F, where everything has a
 * closed form: s = −F⁻¹g, full = s√(2δ / sᵀFs), and at fraction c the actual improvement is
 * c·√(2δ gᵀF⁻¹g) − c²δ.
 */
class TrustRegionStepTest
{
    private static final int N = 6;
    private static final double MAX_KL = 0.01;
    /** CG tolerance of the exact tests: with N ≤ 10 iterations CG solves the N×N system to rounding. */
    private static final double TIGHT_CG_TOLERANCE = 1e-13;
    private static final double EXACT = 1e-12;
    private static final double SOLVE = 1e-9;
    /** Penalty weight outside the radius in the backtracking tests: large enough that no trial outside is accepted. */
    private static final double WALL = 1e6;

    private final SplittableRandom random = RandomSource.seeded(17L).derive("trust-region").generator();
    private final DMatrixRMaj fisher = randomSpd();
    private final double[] phi = randomVector();
    private final double[] gradient = randomVector();

    @Test
    void fullStepIsTheNaturalGradientScaledToTheKlRadius()
    {
        TrustRegionStepResult result = step(tight(0)).step(phi, gradient, operator(fisher), quadratic(fisher, 0));

        double[] natural = ejmlSolve(fisher, negated(gradient));
        double scale = Math.sqrt(2 * MAX_KL / quadraticForm(fisher, natural));
        for (int i = 0; i < N; i++) {
            assertThat(result.fullStep()[i]).as("full step %d", i).isCloseTo(scale * natural[i], within(SOLVE));
        }
        assertThat(0.5 * quadraticForm(fisher, result.fullStep())).as("½ fullᵀF full").isCloseTo(MAX_KL, within(EXACT * MAX_KL));
        assertThat(result.curvature()).isCloseTo(quadraticForm(fisher, result.conjugateGradient().x()), within(EXACT));
        assertThat(result.conjugateGradient().converged()).isTrue();
    }

    @Test
    void acceptedStepDecreasesTheQuadraticLossByTheClosedFormAmount()
    {
        ToDoubleFunction<double[]> loss = quadratic(fisher, 0);

        TrustRegionStepResult result = step(tight(0)).step(phi, gradient, operator(fisher), loss);

        double gFg = dot(gradient, ejmlSolve(fisher, gradient));
        double expected = Math.sqrt(2 * MAX_KL * gFg);
        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.ACCEPTED);
        assertThat(result.acceptedFraction()).isEqualTo(1.0);
        assertThat(result.trials()).isEqualTo(1);
        assertThat(result.expectedImprovement()).isCloseTo(expected, within(SOLVE));
        assertThat(result.actualImprovement()).isCloseTo(expected - MAX_KL, within(SOLVE));
        double[] next = result.parameters().orElseThrow();
        assertThat(loss.applyAsDouble(phi) - loss.applyAsDouble(next)).isCloseTo(expected - MAX_KL, within(SOLVE)).isPositive();
        for (int i = 0; i < N; i++) {
            assertThat(next[i]).isCloseTo(phi[i] + result.fullStep()[i], within(EXACT));
        }
    }

    /** A wall ℓ += WALL·max(0, ‖x − φ‖ − R)² at R = 0.3‖full‖: fractions 1 and 0.5 fail, 0.25 is inside and accepted. */
    @Test
    void backtracksWhenTheLossRisesBeyondARadius()
    {
        double fullNorm = Math.sqrt(dot(fullStep(), fullStep()));

        TrustRegionStepResult result = step(tight(0)).step(phi, gradient, operator(fisher), quadratic(fisher, 0.3 * fullNorm));

        double expectedFull = Math.sqrt(2 * MAX_KL * dot(gradient, ejmlSolve(fisher, gradient)));
        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.ACCEPTED);
        assertThat(result.acceptedFraction()).isEqualTo(0.25);
        assertThat(result.trials()).isEqualTo(3);
        assertThat(result.expectedImprovement()).isCloseTo(0.25 * expectedFull, within(SOLVE));
        assertThat(result.actualImprovement()).isCloseTo(0.25 * expectedFull - 0.0625 * MAX_KL, within(SOLVE));
    }

    @Test
    void rejectsTrialsWithANonFiniteLossAndKeepsBacktracking()
    {
        double fullNorm = Math.sqrt(dot(fullStep(), fullStep()));
        ToDoubleFunction<double[]> inner = quadratic(fisher, 0);
        ToDoubleFunction<double[]> loss = x -> distance(x, phi) > 0.6 * fullNorm ? Double.NaN : inner.applyAsDouble(x);

        TrustRegionStepResult result = step(tight(0)).step(phi, gradient, operator(fisher), loss);

        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.ACCEPTED);
        assertThat(result.acceptedFraction()).isEqualTo(0.5);
    }

    @Test
    void reportsNoImprovementWhenEveryTrialIsWorse()
    {
        int[] calls = {0};
        ToDoubleFunction<double[]> loss = x -> {
            calls[0]++;
            return 1 + distance(x, phi);
        };

        TrustRegionStepResult result = step(TrustRegionStepParameters.defaults(MAX_KL)).step(phi, gradient, operator(fisher), loss);

        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.NO_IMPROVEMENT);
        assertThat(result.parameters()).isEmpty();
        assertThat(result.acceptedFraction()).isZero();
        assertThat(result.trials()).isEqualTo(TrustRegionStepParameters.DEFAULT_BACKTRACKING_STEPS);
        assertThat(calls[0]).isEqualTo(1 + TrustRegionStepParameters.DEFAULT_BACKTRACKING_STEPS);
        assertThat(result.actualImprovement()).isCloseTo(-Math.pow(0.5, 9) * Math.sqrt(dot(result.fullStep(), result.fullStep())), within(EXACT));
    }

    /** The indefinite example of {@code ConjugateGradientTest}: A = diag(2, −1, 1), −∇ℓ = (1, 1, 0) meets p₁ᵀAp₁ &lt; 0. */
    @Test
    void reportsNegativeCurvatureWithoutEvaluatingTheLoss()
    {
        DMatrixRMaj indefinite = CommonOps_DDRM.diag(2, -1, 1);
        int[] calls = {0};

        TrustRegionStepResult result = new TrustRegionStep(3, TrustRegionStepParameters.defaults(MAX_KL)).step(new double[3], new double[] {-1, -1, 0},
                operator(indefinite), x -> ++calls[0]);

        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.NEGATIVE_CURVATURE);
        assertThat(result.conjugateGradient().termination()).isEqualTo(ConjugateGradientResult.Termination.NEGATIVE_CURVATURE);
        assertThat(result.parameters()).isEmpty();
        assertThat(result.trials()).isZero();
        assertThat(calls[0]).isZero();
    }

    @Test
    void dampingIsAddedToTheFisherOperator()
    {
        double damping = 0.5;
        DMatrixRMaj damped = fisher.copy();
        for (int i = 0; i < N; i++) {
            damped.add(i, i, damping);
        }

        TrustRegionStepResult result = step(tight(damping)).step(phi, gradient, operator(fisher), quadratic(damped, 0));

        double[] natural = ejmlSolve(damped, negated(gradient));
        double scale = Math.sqrt(2 * MAX_KL / quadraticForm(damped, natural));
        for (int i = 0; i < N; i++) {
            assertThat(result.fullStep()[i]).isCloseTo(scale * natural[i], within(SOLVE));
        }
        assertThat(0.5 * quadraticForm(damped, result.fullStep())).isCloseTo(MAX_KL, within(EXACT * MAX_KL));
        assertThat(result.accepted()).isTrue();
    }

    @Test
    void zeroGradientIsNoStep()
    {
        TrustRegionStepResult result = step(TrustRegionStepParameters.defaults(MAX_KL)).step(phi, new double[N], operator(fisher), quadratic(fisher, 0));

        assertThat(result.outcome()).isEqualTo(TrustRegionStepResult.Outcome.ZERO_GRADIENT);
        assertThat(result.parameters()).isEmpty();
        assertThat(result.fullStep()).containsOnly(0.0);
    }

    @Test
    void nonFiniteInputsThrowNamingTheQuantity()
    {
        TrustRegionStep step = step(TrustRegionStepParameters.defaults(MAX_KL));
        double[] badGradient = gradient.clone();
        badGradient[2] = Double.NaN;

        assertThatThrownBy(() -> step.step(phi, badGradient, operator(fisher), quadratic(fisher, 0)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("∇ℓ[2]");
        assertThatThrownBy(() -> step.step(phi, gradient, operator(fisher), x -> Double.POSITIVE_INFINITY))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("loss at φ");
        assertThatThrownBy(() -> step.step(phi, gradient, (x, out) -> Arrays.fill(out, Double.NaN), quadratic(fisher, 0)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> step.step(new double[N - 1], gradient, operator(fisher), quadratic(fisher, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(N + " entries");
    }

    @Test
    void parametersAreValidatedAndDefaultToTheAuthorsSettings()
    {
        assertThat(TrustRegionStepParameters.defaults(0.03)).isEqualTo(new TrustRegionStepParameters(0.03, 10, 1e-5, 0, 10, 0.1, 0.5));
        assertThat(TrustRegionStepParameters.defaults(0.03).withDamping(1e-3).damping()).isEqualTo(1e-3);
        assertThatThrownBy(() -> TrustRegionStepParameters.defaults(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKl");
        assertThatThrownBy(() -> new TrustRegionStepParameters(0.01, 10, 1e-5, -1, 10, 0.1, 0.5)).hasMessageContaining("damping");
        assertThatThrownBy(() -> new TrustRegionStepParameters(0.01, 10, 1e-5, 0, 0, 0.1, 0.5)).hasMessageContaining("backtrackingSteps");
        assertThatThrownBy(() -> new TrustRegionStepParameters(0.01, 10, 1e-5, 0, 10, 1, 0.5)).hasMessageContaining("acceptRatio");
        assertThatThrownBy(() -> new TrustRegionStepParameters(0.01, 10, 1e-5, 0, 10, 0.1, 1)).hasMessageContaining("shrinkFactor");
        assertThatThrownBy(() -> new TrustRegionStepParameters(0.01, 0, 1e-5, 0, 10, 0.1, 0.5)).hasMessageContaining("conjugateGradientIterations");
    }

    private TrustRegionStep step(TrustRegionStepParameters parameters)
    {
        return new TrustRegionStep(N, parameters);
    }

    private static TrustRegionStepParameters tight(double damping)
    {
        return new TrustRegionStepParameters(MAX_KL, 10, TIGHT_CG_TOLERANCE, damping, 10, 0.1, 0.5);
    }

    /** The closed-form full step −F⁻¹g·√(2δ / gᵀF⁻¹g). */
    private double[] fullStep()
    {
        double[] natural = ejmlSolve(fisher, negated(gradient));
        double scale = Math.sqrt(2 * MAX_KL / quadraticForm(fisher, natural));
        for (int i = 0; i < N; i++) {
            natural[i] *= scale;
        }
        return natural;
    }

    /** gᵀ(x − φ) + ½(x − φ)ᵀA(x − φ), plus WALL·max(0, ‖x − φ‖ − radius)² when radius &gt; 0. */
    private ToDoubleFunction<double[]> quadratic(DMatrixRMaj a, double radius)
    {
        return x -> {
            double[] d = new double[N];
            for (int i = 0; i < N; i++) {
                d[i] = x[i] - phi[i];
            }
            double value = dot(gradient, d) + 0.5 * quadraticForm(a, d);
            double outside = Math.max(0, Math.sqrt(dot(d, d)) - radius);
            return radius > 0 ? value + WALL * outside * outside : value;
        };
    }

    private static double distance(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(sum);
    }

    private DMatrixRMaj randomSpd()
    {
        return DenseSystems.randomSpd(random, N);
    }

    private double[] randomVector()
    {
        return DenseSystems.randomVector(random, N);
    }

    private static LinearOperator operator(DMatrixRMaj a)
    {
        return DenseSystems.operator(a);
    }

    private static double quadraticForm(DMatrixRMaj a, double[] x)
    {
        double[] ax = new double[x.length];
        operator(a).apply(x, ax);
        return dot(x, ax);
    }

    private static double[] ejmlSolve(DMatrixRMaj a, double[] b)
    {
        DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
        assertThat(CommonOps_DDRM.solve(a.copy(), DMatrixRMaj.wrap(b.length, 1, b.clone()), x)).isTrue();
        return x.data;
    }

    private static double[] negated(double[] x)
    {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = -x[i];
        }
        return result;
    }

    private static double dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
