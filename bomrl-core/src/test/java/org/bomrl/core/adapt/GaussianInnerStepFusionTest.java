package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused lower level of {@link GaussianBomrl} (D and ∇(L/λ + D) from one pass over the outputs)
 * against the reference composition of the distance's and the policy's own derivatives, on random
 * data: a 5 → 16 → 16 → 3 tanh MLP, φ and the batch random, {@value #ROWS} rows (more than one
 * chunk of the batched passes), random advantages; 50 Adam steps with a learning rate large
 * enough for θ to move far from φ. Both the network's own fused pass and the generic path through
 * {@link GaussianPolicy#outputs} / {@link GaussianPolicy#outputGradient} (a policy that is not a
 * {@link GaussianMlpPolicy}) are checked.
 */
final class GaussianInnerStepFusionTest
{
    private static final RegisteredComponents COMPONENTS = new RegisteredComponents();
    private static final int ROWS = 2 * GaussianMlpPolicy.CHUNK + 37;
    private static final double RELATIVE_TOLERANCE = 1e-12;
    /**
     * The hypergradient x = CG(H, b) carries the products' last-bit differences amplified by the
     * conditioning of the ten CG iterations; the products themselves agree to RELATIVE_TOLERANCE.
     */
    private static final double CG_TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior"})
    void fusedLowerLevelEqualsTheComposition(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(91).derive(distanceName).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(92));
        for (int j = 0; j < phi.length; j++) {
            phi[j] += 0.3 * random.nextGaussian();
        }
        TrajectoryBatch batch = batch(network, phi, random);
        double[] advantages = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            advantages[i] = 5 * random.nextGaussian();
        }
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(0.3, 50, 2e-2, 1e9, 10, 1e-10, 0, GaussianBomrlSettings.NegativeCurvature.TRUNCATE));

        AdaptationResult composed = algorithm.adaptComposed(network, phi, batch, advantages);
        AdaptationResult fused = algorithm.adapt(network, phi, batch, advantages);
        AdaptationResult generic = algorithm.adapt(new Delegate(network), phi, batch, advantages);

        assertThat(composed.distance()).as("θ moved away from φ").isGreaterThan(1e-3);
        assertClose(fused, composed, "fused MLP pass");
        assertClose(generic, composed, "generic outputs path");
    }

    /**
     * The outer surrogate's prepared term (the adapted outputs and their directions kept, one
     * forward pass of π_φ' per evaluation) against {@link GaussianBomrl#surrogateLoss} through the
     * distance's own gradient, at several φ' away from φ; Alg(3) falls back to the latter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior", "distance.squared-euclidean"})
    void preparedSurrogateTermEqualsTheSurrogateLoss(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(83).derive(distanceName).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(84));
        TrajectoryBatch batch = batch(network, phi, random);
        double[] state = new double[2 * phi.length];
        for (int j = 0; j < phi.length; j++) {
            state[j] = phi[j] + 0.2 * random.nextGaussian();
            state[phi.length + j] = random.nextGaussian();
        }
        MetaGradient metaGradient = new MetaGradient(new double[phi.length], state, false);
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(0.5, 50, 1e-3, 3, 10, 1e-10, 0, GaussianBomrlSettings.NegativeCurvature.TRUNCATE));
        java.util.function.ToDoubleFunction<double[]> term = algorithm.surrogateTerm(network, batch, metaGradient);
        for (int trial = 0; trial < 3; trial++) {
            double[] phiPrime = phi.clone();
            for (int j = 0; j < phiPrime.length; j++) {
                phiPrime[j] += 0.1 * trial * random.nextGaussian();
            }
            double expected = algorithm.surrogateLoss(network, phiPrime, batch, metaGradient);
            assertThat(Math.abs(expected)).as("a nonzero surrogate").isGreaterThan(1e-6);
            assertThat(term.applyAsDouble(phiPrime)).as("%s, trial %d", distanceName, trial).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-11 * Math.abs(expected)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior"})
    void fusedHypergradientEqualsTheComposition(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(97).derive(distanceName).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(98));
        TrajectoryBatch batch = batch(network, phi, random);
        double[] advantages = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            advantages[i] = 5 * random.nextGaussian();
        }
        double[] theta = phi.clone();
        double[] adaptedGradient = new double[phi.length];
        for (int j = 0; j < phi.length; j++) {
            theta[j] += 0.05 * random.nextGaussian();
            adaptedGradient[j] = random.nextGaussian();
        }
        AdaptationResult adapted = new AdaptationResult(theta, 0, 0, "given");
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(5.0, 50, 1e-3, 3, 10, 1e-14, 5.0, GaussianBomrlSettings.NegativeCurvature.TRUNCATE));

        MetaGradient reference = algorithm.metaGradient(network, phi, adapted, batch, advantages, adaptedGradient, false);
        assertThat(reference.truncated()).as("CG met no negative curvature").isFalse();
        double[] composed = reference.h();
        double[] fused = algorithm.metaGradient(network, phi, adapted, batch, advantages, adaptedGradient, true).h();
        double[] generic = algorithm.metaGradient(new Delegate(network), phi, adapted, batch, advantages, adaptedGradient, true).h();

        double scale = 0;
        double fusedDifference = 0;
        double genericDifference = 0;
        for (int j = 0; j < composed.length; j++) {
            scale = Math.max(scale, Math.abs(composed[j]));
            fusedDifference = Math.max(fusedDifference, Math.abs(fused[j] - composed[j]));
            genericDifference = Math.max(genericDifference, Math.abs(generic[j] - composed[j]));
        }
        assertThat(scale).as("a nonzero hypergradient").isGreaterThan(1e-6);
        assertThat(fusedDifference).as("fused MLP pass, max |Δh| against max |h| = %s", scale).isLessThanOrEqualTo(CG_TOLERANCE * scale);
        assertThat(genericDifference).as("generic outputs path, max |Δh| against max |h| = %s", scale).isLessThanOrEqualTo(CG_TOLERANCE * scale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior"})
    void fusedHessianVectorProductEqualsTheComposition(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(99).derive(distanceName).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(100));
        TrajectoryBatch batch = batch(network, phi, random);
        double[] advantages = new double[ROWS];
        double[] first = new double[ROWS];
        double[] second = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            advantages[i] = random.nextGaussian();
            first[i] = random.nextGaussian();
            second[i] = random.nextGaussian();
        }
        double[] theta = phi.clone();
        double[] v = new double[phi.length];
        for (int j = 0; j < phi.length; j++) {
            theta[j] += 0.1 * random.nextGaussian();
            v[j] = random.nextGaussian();
        }
        double[] composed = new double[phi.length];
        double[] distancePart = new double[phi.length];
        network.scoreHessianVector(theta, batch, first, second, v, composed);
        distance.hessianVectorThetaTheta(network, theta, phi, batch.observations(), ROWS, v, distancePart);
        double[] fused = new double[phi.length];
        double[] generic = new double[phi.length];
        GaussianBomrl.InnerObjective objective = GaussianBomrl.InnerObjective.recognise(distance, network, phi, batch, advantages, 1);
        assertThat(objective).as("the KL is recognised").isNotNull();
        var linearised = network.linearise(theta, batch.observations(), ROWS);
        objective.hessianVector(network, linearised, theta, batch.observations(), first, second, v, fused);
        double[] again = new double[phi.length];
        objective.hessianVector(network, linearised, theta, batch.observations(), first, second, v, again);
        assertThat(again).as("the second product on the kept linearisation").isEqualTo(fused);
        objective.hessianVector(network, null, theta, batch.observations(), first, second, v, generic);

        for (int j = 0; j < phi.length; j++) {
            double expected = composed[j] + distancePart[j];
            double scale = Math.abs(composed[j]) + Math.abs(distancePart[j]);
            assertThat(Math.abs(fused[j] - expected)).as("fused entry %d: %s vs %s", j, fused[j], expected).isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale);
            assertThat(Math.abs(generic[j] - expected)).as("generic entry %d: %s vs %s", j, generic[j], expected).isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"distance.kl-prior-adapted", "distance.kl-adapted-prior"})
    void earlyStopHappensAtTheSameStep(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(93).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(94));
        TrajectoryBatch batch = batch(network, phi, random);
        double[] advantages = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            advantages[i] = 50 * random.nextGaussian();
        }
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(0.01, 200, 5e-2, 0.05, 10, 1e-10, 0, GaussianBomrlSettings.NegativeCurvature.TRUNCATE));

        AdaptationResult composed = algorithm.adaptComposed(network, phi, batch, advantages);
        AdaptationResult fused = algorithm.adapt(network, phi, batch, advantages);

        assertThat(composed.iterations()).as("stopped early").isLessThan(200);
        assertThat(fused.iterations()).isEqualTo(composed.iterations());
        assertThat(fused.stop()).isEqualTo(composed.stop());
        assertClose(fused, composed, "early stop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"distance.squared-euclidean"})
    void otherDistancesKeepTheComposition(String distanceName)
    {
        GaussianDistance distance = COMPONENTS.distance(distanceName).gaussian().get();
        GaussianMlpPolicy network = GaussianMlpPolicy.tanh(5, 3, 16, 16);
        SplittableRandom random = RandomSource.seeded(95).generator();
        double[] phi = network.initialParameters(RandomSource.seeded(96));
        TrajectoryBatch batch = batch(network, phi, random);
        double[] advantages = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            advantages[i] = random.nextGaussian();
        }

        assertThat(GaussianBomrl.InnerObjective.recognise(distance, network, phi, batch, advantages, 1)).isNull();
        GaussianBomrl algorithm = new GaussianBomrl(distance, new GaussianBomrlSettings(0.3, 20, 1e-2, 1e9, 10, 1e-10, 0, GaussianBomrlSettings.NegativeCurvature.TRUNCATE));
        assertThat(algorithm.adapt(network, phi, batch, advantages).theta()).containsExactly(algorithm.adaptComposed(network, phi, batch, advantages).theta());
    }

    private static void assertClose(AdaptationResult actual, AdaptationResult expected, String what)
    {
        double[] a = actual.theta();
        double[] e = expected.theta();
        double scale = 0;
        double difference = 0;
        for (int j = 0; j < e.length; j++) {
            scale = Math.max(scale, Math.abs(e[j]));
            difference = Math.max(difference, Math.abs(a[j] - e[j]));
        }
        assertThat(difference).as("%s: max |Δθ| against max |θ| = %s", what, scale).isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale);
        assertThat(Math.abs(actual.distance() - expected.distance())).as("%s: D", what).isLessThanOrEqualTo(RELATIVE_TOLERANCE * expected.distance());
        assertThat(actual.iterations()).isEqualTo(expected.iterations());
    }

    /** ROWS rows with random states, actions sampled from π_φ, 7 episodes. */
    private static TrajectoryBatch batch(GaussianMlpPolicy policy, double[] phi, SplittableRandom random)
    {
        int dObs = policy.observationDimension();
        int dAct = policy.actionDimension();
        double[] observations = new double[ROWS * dObs];
        double[] actions = new double[ROWS * dAct];
        double[] dataLogProbabilities = new double[ROWS];
        double[] s = new double[dObs];
        double[] a = new double[dAct];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < dObs; j++) {
                s[j] = random.nextGaussian();
            }
            dataLogProbabilities[i] = policy.sample(phi, s, random, a);
            System.arraycopy(s, 0, observations, i * dObs, dObs);
            System.arraycopy(a, 0, actions, i * dAct, dAct);
        }
        int episodes = 7;
        int[] starts = new int[episodes + 1];
        for (int e = 0; e <= episodes; e++) {
            starts[e] = e * ROWS / episodes;
        }
        return new TrajectoryBatch("fusion", dObs, dAct, starts, observations, actions, new double[ROWS], dataLogProbabilities, new boolean[ROWS], new boolean[ROWS],
                new double[episodes * dObs]);
    }

    /** The network behind the plain {@link GaussianPolicy} interface, so the generic fused path runs. */
    private record Delegate(GaussianMlpPolicy network)
            implements GaussianPolicy
    {
        @Override
        public String name()
        {
            return network.name();
        }

        @Override
        public int parameterCount()
        {
            return network.parameterCount();
        }

        @Override
        public int observationDimension()
        {
            return network.observationDimension();
        }

        @Override
        public int actionDimension()
        {
            return network.actionDimension();
        }

        @Override
        public double[] initialParameters(RandomSource random)
        {
            return network.initialParameters(random);
        }

        @Override
        public double sample(double[] theta, double[] observation, SplittableRandom random, double[] action)
        {
            return network.sample(theta, observation, random, action);
        }

        @Override
        public double logProbability(double[] theta, double[] observation, double[] action)
        {
            return network.logProbability(theta, observation, action);
        }

        @Override
        public void logProbabilities(double[] theta, TrajectoryBatch batch, double[] out)
        {
            network.logProbabilities(theta, batch, out);
        }

        @Override
        public void scoreGradient(double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities)
        {
            network.scoreGradient(theta, batch, weights, out, logProbabilities);
        }

        @Override
        public void scoreHessianVector(double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out)
        {
            network.scoreHessianVector(theta, batch, first, second, v, out);
        }

        @Override
        public void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd)
        {
            network.outputs(theta, observations, n, means, logStd);
        }

        @Override
        public void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out)
        {
            network.outputGradient(theta, observations, n, gMeans, gLogStd, out);
        }

        @Override
        public void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd)
        {
            network.outputDirectional(theta, observations, n, v, rMeans, rLogStd);
        }

        @Override
        public void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
                double[] v, double[] out)
        {
            network.outputHessianVector(theta, observations, n, gMeans, gLogStd, rgMeans, rgLogStd, v, out);
        }
    }
}
