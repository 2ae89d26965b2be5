package org.bomrl.baselines;

import io.vavr.control.Option;
import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ProMP's outer Adam epochs ({@link ProMpEpochs}, spec §7.3) on a known quadratic surrogate
 * ℓ(φ) = ½ Σ_i a_i (φ_i − c_i)² with KL̄(φ) = ½ κ |φ − φ_ref|²: the first Adam step from zero
 * moments is the closed form Δ_i = −lr·G_i/(|G_i| + 1e-8), G = ∇ℓ + η∇KL̄; K epochs are K Adam
 * steps on the same surrogate and decrease it; the adaptive η rule halves, doubles or keeps η;
 * the exported state continues bit for bit.
 */
final class ProMpEpochsTest
{
    private static final double LEARNING_RATE = 1e-3;
    private static final double ADAM_EPSILON = 1e-8;
    private static final double ROUNDING = 1e-15;
    private static final double[] CURVATURE = {1.0, 4.0, 0.5};
    private static final double[] MINIMUM = {0.3, -0.2, 0.1};
    private static final double KAPPA = 2.0;

    @Test
    void oneEpochIsTheClosedFormFirstAdamStepOnTheLossPlusTheKlPenalty()
    {
        double[] reference = {0.0, 0.0, 1.5};
        double[] phi = {1.0, 1.0, 1.0};
        double eta = 5.0;
        ProMpEpochs optimizer = new ProMpEpochs(3, 1, LEARNING_RATE, eta, false, 0.01);
        Quadratic quadratic = new Quadratic(reference, Double.NaN);
        double[] expected = phi.clone();
        double[] lossGradient = quadratic.lossGradient(phi);
        double[] klGradient = quadratic.klGradient(phi);
        for (int i = 0; i < 3; i++) {
            double g = lossGradient[i] + eta * klGradient[i];
            expected[i] -= LEARNING_RATE * g / (Math.abs(g) + ADAM_EPSILON);
        }
        assertThat(lossGradient[2] + eta * klGradient[2]).as("η flips the sign of coordinate 2's descent direction").isNegative();
        assertThat(lossGradient[2]).isPositive();

        optimizer.step(phi, quadratic.step());

        for (int i = 0; i < 3; i++) {
            assertThat(phi[i]).as("φ[%d]", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(ROUNDING));
        }
    }

    @Test
    void epochsAreRepeatedAdamStepsOnTheSameSamplesAndDecreaseTheSurrogate()
    {
        double[] start = {1.0, -1.0, 0.6};
        Quadratic quadratic = new Quadratic(start.clone(), Double.NaN);
        double[] together = start.clone();
        new ProMpEpochs(3, 5, LEARNING_RATE, 5e-4, false, 0.01).step(together, quadratic.step());
        double[] oneByOne = start.clone();
        ProMpEpochs single = new ProMpEpochs(3, 1, LEARNING_RATE, 5e-4, false, 0.01);
        double previous = quadratic.penalised(oneByOne, 5e-4);
        for (int epoch = 0; epoch < 5; epoch++) {
            single.step(oneByOne, quadratic.step());
            double current = quadratic.penalised(oneByOne, 5e-4);
            assertThat(current).as("L after epoch %d", epoch + 1).isLessThan(previous);
            previous = current;
        }
        assertThat(together).containsExactly(oneByOne);
        double slope = 0;
        for (double g : quadratic.lossGradient(start)) {
            slope += Math.abs(g);
        }
        assertThat(quadratic.loss(start) - quadratic.loss(together)).as("ℓ decreases by about lr·Σ|∇ℓ| per epoch (Adam's steps ≈ lr·sign(∇))")
                .isGreaterThan(0.9 * 5 * LEARNING_RATE * slope).isLessThan(5 * LEARNING_RATE * slope);
    }

    @Test
    void adaptiveRuleHalvesBelowAndDoublesAboveTheTargetBand()
    {
        double target = 0.01;
        assertThat(penaltyAfterOneStep(true, target, 0.001)).as("KL < target/1.5").isEqualTo(2.5e-4);
        assertThat(penaltyAfterOneStep(true, target, 0.02)).as("KL > 1.5·target").isEqualTo(1e-3);
        assertThat(penaltyAfterOneStep(true, target, 0.01)).as("inside the band").isEqualTo(5e-4);
        assertThat(penaltyAfterOneStep(true, target, 0.0066)).as("just below target/1.5").isEqualTo(2.5e-4);
        assertThat(penaltyAfterOneStep(true, target, 0.0151)).as("just above 1.5·target").isEqualTo(1e-3);
        assertThat(penaltyAfterOneStep(false, target, 0.001)).as("fixed").isEqualTo(5e-4);
        assertThat(penaltyAfterOneStep(false, target, 0.02)).as("fixed").isEqualTo(5e-4);
    }

    @Test
    void exportedStateContinuesBitForBit()
    {
        Quadratic quadratic = new Quadratic(new double[] {0.2, 0.1, 0.0}, 0.05);
        double[] phi = {0.9, -0.4, 0.2};
        ProMpEpochs original = new ProMpEpochs(3, 3, LEARNING_RATE, 5e-4, true, 0.01);
        original.step(phi, quadratic.step());
        Map<String, double[]> state = original.state();
        ProMpEpochs restored = new ProMpEpochs(3, 3, LEARNING_RATE, 5e-4, true, 0.01);
        restored.restore(state);
        double[] continued = phi.clone();

        original.step(phi, quadratic.step());
        restored.step(continued, quadratic.step());

        assertThat(continued).containsExactly(phi);
        assertThat(state.get("klPenalty")).containsExactly(1e-3);
        assertThat(state.get("steps")).containsExactly(3.0);
        assertThat(restored.state().get("firstMoment")).containsExactly(original.state().get("firstMoment"));
        assertThat(restored.state().get("secondMoment")).containsExactly(original.state().get("secondMoment"));
        assertThat(restored.klPenalty()).isEqualTo(original.klPenalty()).isEqualTo(2e-3);
        assertThatThrownBy(() -> restored.restore(Map.of("steps", new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("klPenalty").hasMessageNotContaining("\n");
    }

    @Test
    void aStepWithoutSurrogateIsRejected()
    {
        ProMpEpochs optimizer = new ProMpEpochs(2, 5, LEARNING_RATE, 5e-4, false, 0.01);
        double[] phi = {0.1, 0.2};

        assertThatThrownBy(() -> optimizer.step(phi, MetaStep.of(new double[] {1, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optimizer.promp-epochs needs the method's outer surrogate");
        assertThat(phi).containsExactly(0.1, 0.2);
    }

    private static double penaltyAfterOneStep(boolean adaptive, double target, double kl)
    {
        ProMpEpochs optimizer = new ProMpEpochs(3, 2, LEARNING_RATE, 5e-4, adaptive, target);
        optimizer.step(new double[] {0.5, 0.5, 0.5}, new Quadratic(new double[3], kl).step());
        return optimizer.klPenalty();
    }

    /** ℓ(φ) = ½ Σ a_i (φ_i − c_i)², KL̄ = ½κ|φ − φ_ref|² (or the constant {@code fixedKl} when it is a number; its gradient stays κ(φ − φ_ref)). */
    private record Quadratic(double[] reference, double fixedKl)
    {
        double loss(double[] phi)
        {
            double sum = 0;
            for (int i = 0; i < phi.length; i++) {
                sum += 0.5 * CURVATURE[i] * (phi[i] - MINIMUM[i]) * (phi[i] - MINIMUM[i]);
            }
            return sum;
        }

        double kl(double[] phi)
        {
            if (!Double.isNaN(fixedKl)) {
                return fixedKl;
            }
            double sum = 0;
            for (int i = 0; i < phi.length; i++) {
                sum += 0.5 * KAPPA * (phi[i] - reference[i]) * (phi[i] - reference[i]);
            }
            return sum;
        }

        double penalised(double[] phi, double eta)
        {
            return loss(phi) + eta * kl(phi);
        }

        double[] lossGradient(double[] phi)
        {
            double[] out = new double[phi.length];
            for (int i = 0; i < phi.length; i++) {
                out[i] = CURVATURE[i] * (phi[i] - MINIMUM[i]);
            }
            return out;
        }

        double[] klGradient(double[] phi)
        {
            double[] out = new double[phi.length];
            for (int i = 0; i < phi.length; i++) {
                out[i] = KAPPA * (phi[i] - reference[i]);
            }
            return out;
        }

        MetaStep step()
        {
            MetaSurrogate surrogate = new MetaSurrogate()
            {
                @Override
                public double loss(double[] phi)
                {
                    return Quadratic.this.loss(phi);
                }

                @Override
                public double meanKl(double[] phi)
                {
                    return kl(phi);
                }

                @Override
                public void fisherVectorProduct(double[] v, double[] out)
                {
                    for (int i = 0; i < v.length; i++) {
                        out[i] = KAPPA * v[i];
                    }
                }

                @Override
                public void gradient(double[] phi, double[] out)
                {
                    System.arraycopy(lossGradient(phi), 0, out, 0, phi.length);
                }

                @Override
                public void meanKlGradient(double[] phi, double[] out)
                {
                    System.arraycopy(klGradient(phi), 0, out, 0, phi.length);
                }
            };
            double[] zero = new double[reference.length];
            return new MetaStep()
            {
                @Override
                public double[] gradient()
                {
                    return zero;
                }

                @Override
                public Option<MetaSurrogate> surrogate()
                {
                    return Option.some(surrogate);
                }
            };
        }
    }
}
