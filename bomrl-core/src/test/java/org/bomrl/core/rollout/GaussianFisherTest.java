package org.bomrl.core.rollout;

import org.bomrl.api.BomrlPlugin;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.context.RunContext;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.distance.PolicyDistance;
import org.bomrl.api.distance.PolicyDistanceFactory;
import org.bomrl.api.settings.MapSettings;
import org.bomrl.numerics.neural.Activation;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The Fisher-vector product from one JVP and one VJP equals the exact Hessian of the mean KL(π_φ‖π_θ) at θ = φ. */
final class GaussianFisherTest
{
    private static final double RELATIVE = 1e-10;

    @Test
    void equalsTheKlHessianVectorProductAtTheIdentity()
    {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(3, 2, new int[] {5, 4}, Activation.TANH, -0.4);
        double[] phi = policy.initialParameters(RandomSource.seeded(5));
        SplittableRandom random = RandomSource.seeded(6).generator();
        int n = 37;
        double[] observations = new double[n * 3];
        for (int i = 0; i < observations.length; i++) {
            observations[i] = random.nextGaussian();
        }
        phi[policy.logStdOffset()] = 0.3;
        GaussianDistance kl = klPriorAdapted();
        GaussianFisher fisher = new GaussianFisher(policy, phi, observations, n);
        for (int trial = 0; trial < 3; trial++) {
            double[] v = new double[phi.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            double[] expected = new double[phi.length];
            kl.hessianVectorThetaTheta(policy, phi, phi, observations, n, v, expected);
            double[] actual = new double[phi.length];
            fisher.apply(v, actual);
            double scale = 0;
            for (double value : expected) {
                scale = Math.max(scale, Math.abs(value));
            }
            assertThat(scale).isPositive();
            for (int i = 0; i < v.length; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).as("entry %d", i).isLessThan(RELATIVE * scale);
            }
        }
    }

    /**
     * The learner's outer surrogate splits each Fisher task's states into parts evaluated in
     * parallel: its product must still be the mean over the first fisherTasks tasks of the exact
     * KL Hessian at θ = φ (odd row counts, so the parts differ in size), the same with 1 and 2 threads.
     */
    @Test
    void theSurrogatesProductIsTheMeanOverTheFisherTasks()
    {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(3, 2, new int[] {5, 4}, Activation.TANH, -0.4);
        double[] phi = policy.initialParameters(RandomSource.seeded(8));
        SplittableRandom random = RandomSource.seeded(9).generator();
        int[] rows = {37, 20, 15};
        java.util.List<org.bomrl.core.loop.TrainOutcome> outcomes = new java.util.ArrayList<>();
        java.util.List<double[]> observations = new java.util.ArrayList<>();
        for (int n : rows) {
            double[] x = new double[n * 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            observations.add(x);
            org.bomrl.api.data.TrajectoryBatch batch = new org.bomrl.api.data.TrajectoryBatch("task", 3, 2, new int[] {0, n}, x, new double[n * 2], new double[n],
                    new double[n], new boolean[n], new boolean[n], new double[3]);
            org.bomrl.api.adapt.MetaGradient metaGradient = new org.bomrl.api.adapt.MetaGradient(new double[phi.length], new double[2 * phi.length], false);
            outcomes.add(new org.bomrl.core.loop.TrainOutcome(new double[phi.length], 0, 0, new GaussianLearner.Detail(metaGradient, batch)));
        }
        GaussianDistance kl = klPriorAdapted();
        double[] v = new double[phi.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        double[] expected = new double[phi.length];
        double[] term = new double[phi.length];
        for (int k = 0; k < 2; k++) {
            kl.hessianVectorThetaTheta(policy, phi, phi, observations.get(k), rows[k], v, term);
            for (int i = 0; i < term.length; i++) {
                expected[i] += term[i] / 2;
            }
        }
        double scale = 0;
        for (double value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        double[] single = null;
        for (int threads : new int[] {1, 2}) {
            GaussianLearner learner = new GaussianLearner(policy, null, null, null, 0.99, null, kl, 2, io.vavr.control.Option.none(), threads);
            double[] actual = new double[phi.length];
            learner.surrogate(phi, outcomes).get().fisherVectorProduct(v, actual);
            for (int i = 0; i < v.length; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).as("entry %d", i).isLessThan(RELATIVE * scale);
            }
            if (single == null) {
                single = actual;
            }
            else {
                assertThat(actual).as("2 threads vs 1").isEqualTo(single);
            }
        }
    }

    private static GaussianDistance klPriorAdapted()
    {
        for (BomrlPlugin plugin : ServiceLoader.load(BomrlPlugin.class)) {
            for (PolicyDistanceFactory factory : plugin.distanceFactories()) {
                if (factory.name().equals("distance.kl-prior-adapted")) {
                    PolicyDistance distance = factory.create(MapSettings.of("distance", Map.of(), factory.settings()), new RunContext(RandomSource.seeded(1), name -> {
                        throw new IllegalStateException(name);
                    }));
                    return distance.gaussian().get();
                }
            }
        }
        throw new IllegalStateException("distance.kl-prior-adapted is not registered");
    }
}
