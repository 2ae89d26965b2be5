package org.bomrl.metrics.distance;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.policy.TabularSoftmaxPolicy;
import org.bomrl.numerics.tabular.SoftmaxDerivatives;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The distances against independent derivations: values from probabilities, derivatives assembled
 * from {@link SoftmaxDerivatives}' F(π) and M(π, q), the Alg(2) optimality identity of spec §3.6,
 * and extreme logits.
 */
class DistanceClosedFormTest
{
    private static final double TOLERANCE = 1e-12;
    private static final int ACTIONS = 4;
    private static final int SAMPLES = 20;

    @Test
    void klValuesEqualTheDefinitionOnProbabilities()
    {
        forEachPair((theta, phi) -> {
            double[] pi = softmax(theta);
            double[] p = softmax(phi);
            double priorAdapted = 0;
            double adaptedPrior = 0;
            for (int a = 0; a < ACTIONS; a++) {
                priorAdapted += p[a] * Math.log(p[a] / pi[a]);
                adaptedPrior += pi[a] * Math.log(pi[a] / p[a]);
            }
            assertThat(new KlPriorAdapted().value(theta, phi, 0, ACTIONS)).isCloseTo(priorAdapted, within(TOLERANCE));
            assertThat(new KlAdaptedPrior().value(theta, phi, 0, ACTIONS)).isCloseTo(adaptedPrior, within(TOLERANCE));
        });
    }

    @Test
    void klAdaptedPriorGradientIsFisherTimesLogitDifference()
    {
        forEachPair((theta, phi) -> {
            double[] f = jacobian(softmax(theta));
            double[] expected = new double[ACTIONS];
            for (int i = 0; i < ACTIONS; i++) {
                for (int j = 0; j < ACTIONS; j++) {
                    expected[i] += f[i * ACTIONS + j] * (theta[j] - phi[j]);
                }
            }
            double[] gradient = new double[ACTIONS];
            new KlAdaptedPrior().gradientTheta(theta, phi, 0, ACTIONS, gradient);
            assertThat(gradient).containsExactly(expected, within(TOLERANCE));
        });
    }

    @Test
    void klAdaptedPriorHessianAtTheAlg2SolutionReducesToLambdaFisher()
    {
        // spec §3.6: at θ = φ + Q/λ (mod 1), λ∇²_θθ KL(π_θ‖π_φ) − M(π_θ, Q) = λF(π_θ)
        double lambda = 0.7;
        SplittableRandom random = RandomSource.seeded(11).derive("alg2").generator();
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] phi = gaussian(random);
            double[] q = gaussian(random);
            double[] theta = new double[ACTIONS];
            for (int a = 0; a < ACTIONS; a++) {
                theta[a] = phi[a] + q[a] / lambda + 2.5;
            }
            double[] pi = softmax(theta);
            double[] hessian = new double[ACTIONS * ACTIONS];
            double[] m = new double[ACTIONS * ACTIONS];
            new KlAdaptedPrior().hessianThetaTheta(theta, phi, 0, ACTIONS, hessian);
            SoftmaxDerivatives.surrogateHessian(pi, q, 0, ACTIONS, m);
            double[] f = jacobian(pi);
            for (int k = 0; k < hessian.length; k++) {
                assertThat(lambda * hessian[k] - m[k]).isCloseTo(lambda * f[k], within(TOLERANCE));
            }
        }
    }

    @Test
    void crossHessiansAreMinusFisherMatrices()
    {
        forEachPair((theta, phi) -> {
            double[] priorAdapted = new double[ACTIONS * ACTIONS];
            double[] adaptedPrior = new double[ACTIONS * ACTIONS];
            new KlPriorAdapted().hessianThetaPhi(theta, phi, 0, ACTIONS, priorAdapted);
            new KlAdaptedPrior().hessianThetaPhi(theta, phi, 0, ACTIONS, adaptedPrior);
            assertThat(priorAdapted).containsExactly(negate(jacobian(softmax(phi))), within(TOLERANCE));
            assertThat(adaptedPrior).containsExactly(negate(jacobian(softmax(theta))), within(TOLERANCE));
        });
    }

    @Test
    void probabilityDistanceDerivativesEqualTheirMatrixForms()
    {
        forEachPair((theta, phi) -> {
            double[] pi = softmax(theta);
            double[] p = softmax(phi);
            double[] e = new double[ACTIONS];
            double value = 0;
            for (int a = 0; a < ACTIONS; a++) {
                e[a] = pi[a] - p[a];
                value += e[a] * e[a];
            }
            double[] fPi = jacobian(pi);
            double[] fP = jacobian(p);
            double[] m = new double[ACTIONS * ACTIONS];
            SoftmaxDerivatives.surrogateHessian(pi, e, 0, ACTIONS, m);
            double[] expectedThetaTheta = new double[ACTIONS * ACTIONS];
            double[] expectedThetaPhi = new double[ACTIONS * ACTIONS];
            for (int i = 0; i < ACTIONS; i++) {
                for (int j = 0; j < ACTIONS; j++) {
                    double fPiSquared = 0;
                    double fPiFP = 0;
                    for (int k = 0; k < ACTIONS; k++) {
                        fPiSquared += fPi[i * ACTIONS + k] * fPi[k * ACTIONS + j];
                        fPiFP += fPi[i * ACTIONS + k] * fP[k * ACTIONS + j];
                    }
                    expectedThetaTheta[i * ACTIONS + j] = 2 * (m[i * ACTIONS + j] + fPiSquared);
                    expectedThetaPhi[i * ACTIONS + j] = -2 * fPiFP;
                }
            }
            SquaredEuclideanProbabilities distance = new SquaredEuclideanProbabilities();
            double[] thetaTheta = new double[ACTIONS * ACTIONS];
            double[] thetaPhi = new double[ACTIONS * ACTIONS];
            distance.hessianThetaTheta(theta, phi, 0, ACTIONS, thetaTheta);
            distance.hessianThetaPhi(theta, phi, 0, ACTIONS, thetaPhi);
            assertThat(distance.value(theta, phi, 0, ACTIONS)).isCloseTo(value, within(TOLERANCE));
            assertThat(thetaTheta).containsExactly(expectedThetaTheta, within(TOLERANCE));
            assertThat(thetaPhi).containsExactly(expectedThetaPhi, within(TOLERANCE));
        });
    }

    @Test
    void squaredEuclideanChangesUnderAShiftAsDocumented()
    {
        // ‖θ + c1 − φ‖² − ‖θ − φ‖² = 2c·1ᵀ(θ − φ) + |A|c²
        double c = 1.3;
        forEachPair((theta, phi) -> {
            double[] shifted = theta.clone();
            double sumDifference = 0;
            for (int a = 0; a < ACTIONS; a++) {
                shifted[a] += c;
                sumDifference += theta[a] - phi[a];
            }
            SquaredEuclidean distance = new SquaredEuclidean();
            assertThat(distance.value(shifted, phi, 0, ACTIONS) - distance.value(theta, phi, 0, ACTIONS))
                    .isCloseTo(2 * c * sumDifference + ACTIONS * c * c, within(1e-10));
        });
    }

    @Test
    void extremeLogitsGiveFiniteExactValues()
    {
        // π_φ(1) underflows to 0: KL(π_φ‖uniform) = Σ over the two live actions ½ log(½ / ⅓) = log 1.5
        double[] uniform = {0, 0, 0};
        double[] dead = {0, -1000, 0};
        assertThat(new KlPriorAdapted().value(uniform, dead, 0, 3)).isCloseTo(Math.log(1.5), within(TOLERANCE));
        // KL(uniform‖π_φ) = ⅓ Σ_a (log ⅓ − log π_φ(a)) = ⅓(2 log(⅔) + (1000 + log 2 − log 3))
        double expected = (2 * Math.log(2.0 / 3) + 1000 + Math.log(2) - Math.log(3)) / 3;
        assertThat(new KlAdaptedPrior().value(uniform, dead, 0, 3)).isCloseTo(expected, within(1e-10));
        double[] gradient = new double[3];
        double[] hessian = new double[9];
        for (TabularDistance distance : new TabularDistance[] {new KlPriorAdapted(), new KlAdaptedPrior(), new SquaredEuclideanProbabilities()}) {
            distance.gradientTheta(new double[] {800, 0, -800}, dead, 0, 3, gradient);
            distance.hessianThetaTheta(new double[] {800, 0, -800}, dead, 0, 3, hessian);
            assertThat(Arrays.stream(gradient).allMatch(Double::isFinite)).as("%s gradient is finite", distance).isTrue();
            assertThat(Arrays.stream(hessian).allMatch(Double::isFinite)).as("%s Hessian is finite", distance).isTrue();
        }
    }

    private interface PairCheck
    {
        void check(double[] theta, double[] phi);
    }

    private static void forEachPair(PairCheck check)
    {
        SplittableRandom random = RandomSource.seeded(3).derive("closed-form").generator();
        for (int sample = 0; sample < SAMPLES; sample++) {
            check.check(gaussian(random), gaussian(random));
        }
    }

    private static double[] gaussian(SplittableRandom random)
    {
        double[] x = new double[ACTIONS];
        for (int a = 0; a < ACTIONS; a++) {
            x[a] = 1.5 * random.nextGaussian();
        }
        return x;
    }

    private static double[] softmax(double[] logits)
    {
        double[] out = new double[logits.length];
        TabularSoftmaxPolicy.softmax(logits, out, 1, logits.length);
        return out;
    }

    private static double[] jacobian(double[] pi)
    {
        double[] out = new double[pi.length * pi.length];
        SoftmaxDerivatives.jacobian(pi, 0, pi.length, out);
        return out;
    }

    private static double[] negate(double[] x)
    {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
        return out;
    }
}
