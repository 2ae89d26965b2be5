package org.bomrl.api.tck;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.bomrl.api.tck.GaussianPolicyContract.dot;
import static org.bomrl.api.tck.GaussianPolicyContract.filled;
import static org.bomrl.api.tck.GaussianPolicyContract.gaussian;
import static org.bomrl.api.tck.GaussianPolicyContract.step;

/**
 * Contract tests for {@link GaussianDistance} (spec §2.5, §3.2, §3.5). A plugin tests its distance by
 * extending this class and returning it and a Gaussian policy (e.g. {@link LinearGaussianPolicy},
 * {@link TanhGaussianPolicy}) from {@link #distance()} and {@link #policy()}.
 *
 * <p>At {@value #SAMPLES} seeded random points (θ = initial parameters + {@value #PARAMETER_PERTURBATION}
 * standard normals, φ = θ + {@value #PARAMETER_PERTURBATION} standard normals, {@value #STATES}
 * standard-normal observations): D ≥ 0 (also for φ close to θ), D(θ, θ) = 0 with ∇_θD = 0 and
 * vᵀ∇²_θθD v ≥ 0 there, inputs are not modified, outputs are fully written and finite, ∇_θD equals
 * central differences of D, ∇²_θθD·v equals central differences of ∇_θD along v and the second
 * difference of D, uᵀHv = vᵀHu, ∇²_φθD·x equals central differences in each φ_j of ∇_θD·x and the
 * mixed second difference of D, and results do not depend on earlier calls with other state counts.
 */
public abstract class GaussianDistanceContract
{
    /** Random (θ, φ, states) points tested. */
    protected static final int SAMPLES = 5;
    /** Observed states n. */
    protected static final int STATES = 6;
    /** Standard deviation of the perturbations that make θ and φ. */
    protected static final double PARAMETER_PERTURBATION = 0.4;
    /** Non-negativity is also checked at φ = θ + {@value}·(φ' − θ). */
    protected static final double NEARBY_SCALE = 1e-3;
    /** Step h of first-order central differences. */
    protected static final double FINITE_DIFFERENCE_STEP = 1e-5;
    /** Allowed |analytic − central difference| ≤ tolerance · max(1, |analytic|) for first differences; truncation O(h²). */
    protected static final double DERIVATIVE_TOLERANCE = 1e-6;
    /** Step of the second differences of D; rounding error ~ ε_machine·D/h², truncation O(h²). */
    protected static final double SECOND_DIFFERENCE_STEP = 1e-4;
    /** Allowed relative error of second differences of D. */
    protected static final double SECOND_DIFFERENCE_TOLERANCE = 1e-5;
    /** Allowed |D(θ, θ)|, |∇_θD(θ, θ)| and negative vᵀHv at the identity. */
    protected static final double IDENTITY_TOLERANCE = 1e-12;
    /** Allowed |uᵀHv − vᵀHu| relative to max(1, |uᵀHv|). */
    protected static final double SYMMETRY_TOLERANCE = 1e-10;
    protected static final long SEED = 20241014L;

    /** The distance under test; may return the same instance every time. */
    protected abstract GaussianDistance distance();

    /** The Gaussian policy class the distance is evaluated on. */
    protected abstract GaussianPolicy policy();

    @Test
    public void valueIsNonNegativeAndFinite()
    {
        forEachSample(point -> {
            double[] nearby = step(point.theta, difference(point.phi, point.theta), NEARBY_SCALE);
            for (double[] other : new double[][] {point.phi, nearby}) {
                double value = distance().value(policy(), point.theta, other, point.observations, STATES);
                assertThat(value).as("D(θ, φ) at sample %d", point.sample).isFinite().isGreaterThanOrEqualTo(0.0);
            }
        });
    }

    @Test
    public void valueAndGradientVanishAtIdentityWhereTheCurvatureIsNonNegative()
    {
        forEachSample(point -> {
            double[] same = point.theta.clone();
            double value = distance().value(policy(), point.theta, same, point.observations, STATES);
            assertThat(Math.abs(value)).as("|D(θ, θ)| at sample %d", point.sample).isLessThanOrEqualTo(IDENTITY_TOLERANCE);
            double[] gradient = filled(point.theta.length);
            distance().gradientTheta(policy(), point.theta, same, point.observations, STATES, gradient);
            for (int j = 0; j < gradient.length; j++) {
                assertThat(Math.abs(gradient[j])).as("|∂D/∂θ_%d (θ, θ)| at sample %d", j, point.sample).isLessThanOrEqualTo(IDENTITY_TOLERANCE);
            }
            double[] hv = filled(point.theta.length);
            distance().hessianVectorThetaTheta(policy(), point.theta, same, point.observations, STATES, point.v, hv);
            assertThat(dot(point.v, hv)).as("vᵀ∇²_θθD(θ, θ)v at sample %d", point.sample).isGreaterThanOrEqualTo(-IDENTITY_TOLERANCE);
        });
    }

    @Test
    public void argumentsAreNotModified()
    {
        forEachSample(point -> {
            double[] theta = point.theta.clone();
            double[] phi = point.phi.clone();
            double[] observations = point.observations.clone();
            double[] v = point.v.clone();
            double[] x = point.x.clone();
            int parameters = theta.length;
            distance().value(policy(), point.theta, point.phi, point.observations, STATES);
            distance().gradientTheta(policy(), point.theta, point.phi, point.observations, STATES, new double[parameters]);
            distance().hessianVectorThetaTheta(policy(), point.theta, point.phi, point.observations, STATES, point.v, new double[parameters]);
            distance().crossTerm(policy(), point.theta, point.phi, point.observations, STATES, point.x, new double[parameters]);
            assertThat(point.theta).as("θ after the calls").containsExactly(theta);
            assertThat(point.phi).as("φ after the calls").containsExactly(phi);
            assertThat(point.observations).as("observations after the calls").containsExactly(observations);
            assertThat(point.v).as("v after the calls").containsExactly(v);
            assertThat(point.x).as("x after the calls").containsExactly(x);
        });
    }

    @Test
    public void gradientThetaMatchesFiniteDifferences()
    {
        forEachSample(point -> {
            double[] analytic = gradient(point.theta, point.phi, point.observations);
            for (int j = 0; j < analytic.length; j++) {
                double numeric = centralDifference(point.theta, j, () -> distance().value(policy(), point.theta, point.phi, point.observations, STATES));
                assertClose(analytic[j], numeric, DERIVATIVE_TOLERANCE, "∂D/∂θ_" + j, point);
            }
        });
    }

    @Test
    public void hessianVectorMatchesFiniteDifferencesOfGradient()
    {
        forEachSample(point -> {
            double[] analytic = hessianVector(point.theta, point.phi, point.observations, point.v);
            double[] plus = gradient(step(point.theta, point.v, FINITE_DIFFERENCE_STEP), point.phi, point.observations);
            double[] minus = gradient(step(point.theta, point.v, -FINITE_DIFFERENCE_STEP), point.phi, point.observations);
            for (int j = 0; j < analytic.length; j++) {
                double numeric = (plus[j] - minus[j]) / (2 * FINITE_DIFFERENCE_STEP);
                assertClose(analytic[j], numeric, DERIVATIVE_TOLERANCE, "(∇²_θθD v)_" + j, point);
            }
        });
    }

    @Test
    public void hessianVectorMatchesSecondDifferenceOfValue()
    {
        forEachSample(point -> {
            double h = SECOND_DIFFERENCE_STEP;
            double quadratic = dot(point.v, hessianVector(point.theta, point.phi, point.observations, point.v));
            double numeric = (value(step(point.theta, point.v, h), point.phi, point.observations) - 2 * value(point.theta, point.phi, point.observations)
                    + value(step(point.theta, point.v, -h), point.phi, point.observations)) / (h * h);
            assertClose(quadratic, numeric, SECOND_DIFFERENCE_TOLERANCE, "vᵀ∇²_θθD v", point);
        });
    }

    @Test
    public void hessianVectorIsSymmetric()
    {
        forEachSample(point -> {
            double uHv = dot(point.x, hessianVector(point.theta, point.phi, point.observations, point.v));
            double vHu = dot(point.v, hessianVector(point.theta, point.phi, point.observations, point.x));
            assertThat(Math.abs(uHv - vHu)).as("|uᵀHv − vᵀHu| (uᵀHv = %s, vᵀHu = %s) at sample %d", uHv, vHu, point.sample)
                    .isLessThanOrEqualTo(SYMMETRY_TOLERANCE * Math.max(1, Math.abs(uHv)));
        });
    }

    @Test
    public void crossTermMatchesFiniteDifferencesInPhiOfGradientTheta()
    {
        forEachSample(point -> {
            double[] analytic = crossTerm(point.theta, point.phi, point.observations, point.x);
            for (int j = 0; j < analytic.length; j++) {
                double numeric = centralDifference(point.phi, j, () -> dot(gradient(point.theta, point.phi, point.observations), point.x));
                assertClose(analytic[j], numeric, DERIVATIVE_TOLERANCE, "∂(∇_θD·x)/∂φ_" + j, point);
            }
        });
    }

    /** yᵀ(∇²_φθD x) = ∂²/∂s∂t D(θ + t x, φ + s y), by the four-point mixed difference. */
    @Test
    public void crossTermMatchesMixedSecondDifferenceOfValue()
    {
        forEachSample(point -> {
            double h = SECOND_DIFFERENCE_STEP;
            double[] y = point.v;
            double bilinear = dot(y, crossTerm(point.theta, point.phi, point.observations, point.x));
            double[] thetaPlus = step(point.theta, point.x, h);
            double[] thetaMinus = step(point.theta, point.x, -h);
            double[] phiPlus = step(point.phi, y, h);
            double[] phiMinus = step(point.phi, y, -h);
            double numeric = (value(thetaPlus, phiPlus, point.observations) - value(thetaPlus, phiMinus, point.observations)
                    - value(thetaMinus, phiPlus, point.observations) + value(thetaMinus, phiMinus, point.observations)) / (4 * h * h);
            assertClose(bilinear, numeric, SECOND_DIFFERENCE_TOLERANCE, "yᵀ∇²_φθD x", point);
        });
    }

    @Test
    public void resultsDoNotDependOnEarlierCallsWithOtherStateCounts()
    {
        forEachSample(point -> {
            double value = value(point.theta, point.phi, point.observations);
            double[] gradient = gradient(point.theta, point.phi, point.observations);
            double[] hv = hessianVector(point.theta, point.phi, point.observations, point.v);
            double[] cross = crossTerm(point.theta, point.phi, point.observations, point.x);
            int parameters = point.theta.length;
            distance().value(policy(), point.phi, point.theta, point.observations, 1);
            distance().gradientTheta(policy(), point.phi, point.theta, point.observations, STATES - 1, new double[parameters]);
            distance().hessianVectorThetaTheta(policy(), point.phi, point.theta, point.observations, 2, point.x, new double[parameters]);
            distance().crossTerm(policy(), point.phi, point.theta, point.observations, 3, point.v, new double[parameters]);
            assertThat(value(point.theta, point.phi, point.observations)).as("D after other calls").isEqualTo(value);
            assertThat(gradient(point.theta, point.phi, point.observations)).as("∇_θD after other calls").containsExactly(gradient);
            assertThat(hessianVector(point.theta, point.phi, point.observations, point.v)).as("∇²_θθD v after other calls").containsExactly(hv);
            assertThat(crossTerm(point.theta, point.phi, point.observations, point.x)).as("∇²_φθD x after other calls").containsExactly(cross);
        });
    }

    /** One random point: θ, φ, the observations and two unit directions v, x. */
    protected record Point(int sample, double[] theta, double[] phi, double[] observations, double[] v, double[] x) {}

    /** Runs {@code check} on {@link #SAMPLES} seeded random points. */
    protected void forEachSample(Consumer<Point> check)
    {
        GaussianPolicy policy = policy();
        for (int sample = 0; sample < SAMPLES; sample++) {
            SplittableRandom random = RandomSource.seeded(SEED).derive("sample").derive(sample).generator();
            double[] theta = step(policy.initialParameters(RandomSource.seeded(SEED).derive("initial").derive(sample)),
                    gaussian(random, policy.parameterCount()), PARAMETER_PERTURBATION);
            double[] phi = step(theta, gaussian(random, theta.length), PARAMETER_PERTURBATION);
            double[] observations = gaussian(random, STATES * policy.observationDimension());
            check.accept(new Point(sample, theta, phi, observations, unit(gaussian(random, theta.length)), unit(gaussian(random, theta.length))));
        }
    }

    private double value(double[] theta, double[] phi, double[] observations)
    {
        return distance().value(policy(), theta, phi, observations, STATES);
    }

    private double[] gradient(double[] theta, double[] phi, double[] observations)
    {
        return written(theta.length, out -> distance().gradientTheta(policy(), theta, phi, observations, STATES, out), "∇_θD");
    }

    private double[] hessianVector(double[] theta, double[] phi, double[] observations, double[] v)
    {
        return written(theta.length, out -> distance().hessianVectorThetaTheta(policy(), theta, phi, observations, STATES, v, out), "∇²_θθD v");
    }

    private double[] crossTerm(double[] theta, double[] phi, double[] observations, double[] x)
    {
        return written(theta.length, out -> distance().crossTerm(policy(), theta, phi, observations, STATES, x, out), "∇²_φθD x");
    }

    /** Calls {@code call} on a NaN-filled array and checks every entry was written with a finite value. */
    private static double[] written(int length, Consumer<double[]> call, String what)
    {
        double[] out = filled(length);
        call.accept(out);
        for (int j = 0; j < length; j++) {
            if (!Double.isFinite(out[j])) {
                fail(what + " entry " + j + " is not finite or was not written: " + out[j]);
            }
        }
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

    private static double[] difference(double[] a, double[] b)
    {
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] - b[i];
        }
        return result;
    }

    private static double[] unit(double[] x)
    {
        double norm = Math.sqrt(dot(x, x));
        for (int i = 0; i < x.length; i++) {
            x[i] /= norm;
        }
        return x;
    }

    private void assertClose(double analytic, double numeric, double tolerance, String what, Point point)
    {
        if (!Double.isFinite(analytic)) {
            fail(what + " is not finite (" + analytic + ") at sample " + point.sample + " for " + policy().name());
        }
        assertThat(Math.abs(analytic - numeric))
                .as("%s: analytic %s vs finite difference %s at sample %d for %s with %s", what, analytic, numeric, point.sample, policy().name(), distance())
                .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(analytic)));
    }
}
