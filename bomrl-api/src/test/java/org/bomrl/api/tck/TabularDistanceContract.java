package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.TabularDistance;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Contract tests for {@link TabularDistance} (spec §2.3–§2.4, §3.6). A plugin tests its distance by
 * extending this class and returning it from {@link #distance()}.
 *
 * <p>On seeded random logits (scale {@value #LOGIT_SCALE}) for |A| ∈ {2, 3, 4, 6}, each state
 * embedded at a non-zero offset between junk entries: d ≥ 0 (also for φ close to θ), d(θ, θ) = 0, inputs are not modified,
 * outputs are fully written and finite, ∇_θ d and ∇_φ d equal central differences of d,
 * ∇²_θθ d equals central differences of ∇_θ d and is symmetric, ∇²_θφ d equals both the
 * φ-differences of ∇_θ d and the θ-differences of ∇_φ d, and {@link TabularDistance#shiftInvariant()}
 * holds exactly when d(θ + c1, φ) = d(θ, φ + c1) = d(θ, φ) (then also ∇_θ d ⊥ 1 and ∇²_θθ d 1 = 0).
 */
public abstract class TabularDistanceContract
{
    /** Action counts tested. */
    private static final int[] ACTION_COUNTS = {2, 3, 4, 6};
    /** Random (θ_s, φ_s) pairs per action count. */
    protected static final int SAMPLES = 12;
    /** Standard deviation of the random logits. */
    protected static final double LOGIT_SCALE = 1.5;
    /** Non-negativity is also checked at φ_s = θ_s + {@value}·(φ'_s − θ_s), close to the identity. */
    protected static final double NEARBY_SCALE = 1e-3;
    /** Step h of the central differences (f(x + h) − f(x − h)) / 2h. */
    protected static final double FINITE_DIFFERENCE_STEP = 1e-5;
    /** Allowed |analytic − central difference| ≤ tolerance · max(1, |analytic|); the truncation error is O(h²). */
    protected static final double DERIVATIVE_TOLERANCE = 1e-6;
    /** Allowed |d(θ, θ)| and shift-invariance error. */
    protected static final double IDENTITY_TOLERANCE = 1e-12;
    /** Allowed asymmetry of ∇²_θθ d. */
    protected static final double SYMMETRY_TOLERANCE = 1e-12;
    /** A non-invariant distance must change by more than this under some shift. */
    protected static final double SHIFT_DETECTION_THRESHOLD = 1e-6;
    /** Logit shifts c tried for shift invariance. */
    private static final double[] SHIFTS = {-3.0, 0.7, 5.0};
    /** Where the state's logits start inside the test arrays. */
    protected static final int OFFSET = 3;
    /** Entries after the state's logits. */
    protected static final int TRAILING = 2;
    /** Root seed of the random logits. */
    protected static final long SEED = 20241012L;

    /** The distance under test; may return the same instance every time. */
    protected abstract TabularDistance distance();

    @Test
    public void valueIsNonNegativeAndFinite()
    {
        forEachSample((actions, theta, phi) -> {
            double[] nearby = theta.clone();
            for (int i = 0; i < actions; i++) {
                nearby[OFFSET + i] += NEARBY_SCALE * (phi[OFFSET + i] - theta[OFFSET + i]);
            }
            for (double[] other : new double[][] {phi, nearby}) {
                double value = distance().value(theta, other, OFFSET, actions);
                assertThat(value).as("d(θ, φ) for |A| = %d, θ_s = %s, φ_s = %s", actions, state(theta, actions), state(other, actions))
                        .isFinite()
                        .isGreaterThanOrEqualTo(0.0);
            }
        });
    }

    @Test
    public void valueIsZeroAtIdentity()
    {
        forEachSample((actions, theta, phi) -> {
            double value = distance().value(theta, theta.clone(), OFFSET, actions);
            assertThat(Math.abs(value)).as("|d(θ, θ)| for |A| = %d, θ_s = %s", actions, state(theta, actions))
                    .isLessThanOrEqualTo(IDENTITY_TOLERANCE);
        });
    }

    @Test
    public void argumentsAreNotModified()
    {
        forEachSample((actions, theta, phi) -> {
            double[] thetaCopy = theta.clone();
            double[] phiCopy = phi.clone();
            TabularDistance distance = distance();
            distance.value(theta, phi, OFFSET, actions);
            distance.gradientTheta(theta, phi, OFFSET, actions, new double[actions]);
            distance.gradientPhi(theta, phi, OFFSET, actions, new double[actions]);
            distance.hessianThetaTheta(theta, phi, OFFSET, actions, new double[actions * actions]);
            distance.hessianThetaPhi(theta, phi, OFFSET, actions, new double[actions * actions]);
            assertThat(theta).as("θ after the calls").containsExactly(thetaCopy);
            assertThat(phi).as("φ after the calls").containsExactly(phiCopy);
        });
    }

    @Test
    public void gradientThetaMatchesFiniteDifferences()
    {
        forEachSample((actions, theta, phi) -> {
            double[] analytic = filled(actions);
            distance().gradientTheta(theta, phi, OFFSET, actions, analytic);
            for (int i = 0; i < actions; i++) {
                double numeric = centralDifference(theta, OFFSET + i, () -> distance().value(theta, phi, OFFSET, actions));
                assertClose(analytic[i], numeric, "∂d/∂θ_" + i, actions, theta, phi);
            }
        });
    }

    @Test
    public void gradientPhiMatchesFiniteDifferences()
    {
        forEachSample((actions, theta, phi) -> {
            double[] analytic = filled(actions);
            distance().gradientPhi(theta, phi, OFFSET, actions, analytic);
            for (int i = 0; i < actions; i++) {
                double numeric = centralDifference(phi, OFFSET + i, () -> distance().value(theta, phi, OFFSET, actions));
                assertClose(analytic[i], numeric, "∂d/∂φ_" + i, actions, theta, phi);
            }
        });
    }

    @Test
    public void hessianThetaThetaMatchesFiniteDifferencesOfGradient()
    {
        forEachSample((actions, theta, phi) -> {
            double[] analytic = filled(actions * actions);
            distance().hessianThetaTheta(theta, phi, OFFSET, actions, analytic);
            for (int j = 0; j < actions; j++) {
                double[] column = gradientDifference(theta, OFFSET + j, actions,
                        out -> distance().gradientTheta(theta, phi, OFFSET, actions, out));
                for (int i = 0; i < actions; i++) {
                    assertClose(analytic[i * actions + j], column[i], "∂²d/∂θ_" + i + "∂θ_" + j, actions, theta, phi);
                    assertThat(Math.abs(analytic[i * actions + j] - analytic[j * actions + i]))
                            .as("asymmetry of ∇²_θθ d at (%d, %d) for |A| = %d", i, j, actions)
                            .isLessThanOrEqualTo(SYMMETRY_TOLERANCE * Math.max(1, Math.abs(analytic[i * actions + j])));
                }
            }
        });
    }

    @Test
    public void hessianThetaPhiMatchesFiniteDifferencesOfGradientTheta()
    {
        forEachSample((actions, theta, phi) -> {
            double[] analytic = filled(actions * actions);
            distance().hessianThetaPhi(theta, phi, OFFSET, actions, analytic);
            for (int j = 0; j < actions; j++) {
                double[] column = gradientDifference(phi, OFFSET + j, actions,
                        out -> distance().gradientTheta(theta, phi, OFFSET, actions, out));
                for (int i = 0; i < actions; i++) {
                    assertClose(analytic[i * actions + j], column[i], "∂²d/∂θ_" + i + "∂φ_" + j, actions, theta, phi);
                }
            }
        });
    }

    @Test
    public void hessianThetaPhiMatchesFiniteDifferencesOfGradientPhi()
    {
        forEachSample((actions, theta, phi) -> {
            double[] analytic = filled(actions * actions);
            distance().hessianThetaPhi(theta, phi, OFFSET, actions, analytic);
            for (int i = 0; i < actions; i++) {
                double[] row = gradientDifference(theta, OFFSET + i, actions,
                        out -> distance().gradientPhi(theta, phi, OFFSET, actions, out));
                for (int j = 0; j < actions; j++) {
                    assertClose(analytic[i * actions + j], row[j], "∂²d/∂φ_" + j + "∂θ_" + i, actions, theta, phi);
                }
            }
        });
    }

    @Test
    public void shiftInvarianceIsDeclaredCorrectly()
    {
        boolean declared = distance().shiftInvariant();
        double[] largestChange = {0};
        forEachSample((actions, theta, phi) -> {
            double value = distance().value(theta, phi, OFFSET, actions);
            for (double c : SHIFTS) {
                double[] shiftedTheta = shifted(theta, actions, c);
                double[] shiftedPhi = shifted(phi, actions, c);
                double changeTheta = Math.abs(distance().value(shiftedTheta, phi, OFFSET, actions) - value);
                double changePhi = Math.abs(distance().value(theta, shiftedPhi, OFFSET, actions) - value);
                largestChange[0] = Math.max(largestChange[0], Math.max(changeTheta, changePhi));
                if (declared) {
                    double allowed = IDENTITY_TOLERANCE * Math.max(1, Math.abs(value)) * Math.max(1, Math.abs(c));
                    assertThat(changeTheta).as("|d(θ + %s·1, φ) − d(θ, φ)| for |A| = %d", c, actions).isLessThanOrEqualTo(allowed);
                    assertThat(changePhi).as("|d(θ, φ + %s·1) − d(θ, φ)| for |A| = %d", c, actions).isLessThanOrEqualTo(allowed);
                }
            }
            if (declared) {
                assertOrthogonalToOnes(theta, phi, actions);
            }
        });
        if (!declared) {
            assertThat(largestChange[0]).as("largest change of d under logit shifts of a distance declared not shift-invariant")
                    .isGreaterThan(SHIFT_DETECTION_THRESHOLD);
        }
    }

    private void assertOrthogonalToOnes(double[] theta, double[] phi, int actions)
    {
        double[] gradient = filled(actions);
        double[] hessian = filled(actions * actions);
        distance().gradientTheta(theta, phi, OFFSET, actions, gradient);
        distance().hessianThetaTheta(theta, phi, OFFSET, actions, hessian);
        double scale = 0;
        double sum = 0;
        for (int i = 0; i < actions; i++) {
            sum += gradient[i];
            scale = Math.max(scale, Math.abs(gradient[i]));
        }
        assertThat(Math.abs(sum)).as("1ᵀ∇_θ d of a shift-invariant distance, |A| = %d", actions)
                .isLessThanOrEqualTo(DERIVATIVE_TOLERANCE * Math.max(1, scale));
        for (int i = 0; i < actions; i++) {
            double rowSum = 0;
            double rowScale = 0;
            for (int j = 0; j < actions; j++) {
                rowSum += hessian[i * actions + j];
                rowScale = Math.max(rowScale, Math.abs(hessian[i * actions + j]));
            }
            assertThat(Math.abs(rowSum)).as("(∇²_θθ d 1)_%d of a shift-invariant distance, |A| = %d", i, actions)
                    .isLessThanOrEqualTo(DERIVATIVE_TOLERANCE * Math.max(1, rowScale));
        }
    }

    /** One random (θ, φ) pair of one state, embedded at {@link #OFFSET} between junk entries. */
    @FunctionalInterface
    protected interface SampleCheck
    {
        void check(int actions, double[] theta, double[] phi);
    }

    /** Runs {@code check} on {@link #SAMPLES} seeded random pairs for every action count. */
    protected static void forEachSample(SampleCheck check)
    {
        RandomSource root = RandomSource.seeded(SEED);
        for (int actions : ACTION_COUNTS) {
            SplittableRandom random = root.derive("actions").derive(actions).generator();
            for (int sample = 0; sample < SAMPLES; sample++) {
                double[] theta = randomLogits(random, actions);
                double[] phi = randomLogits(random, actions);
                check.check(actions, theta, phi);
            }
        }
    }

    private static double[] randomLogits(SplittableRandom random, int actions)
    {
        double[] logits = new double[OFFSET + actions + TRAILING];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = LOGIT_SCALE * random.nextGaussian();
        }
        return logits;
    }

    private static double[] shifted(double[] logits, int actions, double c)
    {
        double[] result = logits.clone();
        for (int i = 0; i < actions; i++) {
            result[OFFSET + i] += c;
        }
        return result;
    }

    /** An output array pre-filled with NaN, so entries an implementation forgets to write are caught. */
    private static double[] filled(int length)
    {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static double centralDifference(double[] x, int index, DoubleSupplier f)
    {
        double original = x[index];
        x[index] = original + FINITE_DIFFERENCE_STEP;
        double plus = f.getAsDouble();
        x[index] = original - FINITE_DIFFERENCE_STEP;
        double minus = f.getAsDouble();
        x[index] = original;
        return (plus - minus) / (2 * FINITE_DIFFERENCE_STEP);
    }

    private static double[] gradientDifference(double[] x, int index, int actions, Consumer<double[]> gradient)
    {
        double original = x[index];
        double[] plus = filled(actions);
        double[] minus = filled(actions);
        x[index] = original + FINITE_DIFFERENCE_STEP;
        gradient.accept(plus);
        x[index] = original - FINITE_DIFFERENCE_STEP;
        gradient.accept(minus);
        x[index] = original;
        double[] result = new double[actions];
        for (int i = 0; i < actions; i++) {
            result[i] = (plus[i] - minus[i]) / (2 * FINITE_DIFFERENCE_STEP);
        }
        return result;
    }

    private static void assertClose(double analytic, double numeric, String what, int actions, double[] theta, double[] phi)
    {
        if (!Double.isFinite(analytic)) {
            fail(what + " is not finite (" + analytic + ") for |A| = " + actions + ", θ_s = " + state(theta, actions) + ", φ_s = " + state(phi, actions));
        }
        double allowed = DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(analytic));
        assertThat(Math.abs(analytic - numeric))
                .as("%s: analytic %s vs central difference %s for |A| = %d, θ_s = %s, φ_s = %s", what, analytic, numeric, actions,
                        state(theta, actions), state(phi, actions))
                .isLessThanOrEqualTo(allowed);
    }

    private static String state(double[] logits, int actions)
    {
        return Arrays.toString(Arrays.copyOfRange(logits, OFFSET, OFFSET + actions));
    }
}
