package org.bomrl.numerics.neural;

import org.bomrl.api.context.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MlpLinearisation} against the policy's own passes, which recompute the forward pass on
 * every call (and are checked against finite differences in {@link GaussianMlpPolicyTest}): the
 * kept activations and back-propagated products must give the same bits, call after call, for
 * every shape, and must not disturb the workspace that the policy's own calls use.
 */
class MlpLinearisationTest
{
    private static final int ROWS = 2 * GaussianMlpPolicy.CHUNK + 37;

    private final SplittableRandom random = RandomSource.seeded(21).derive("linearisation-test").generator();

    @Test
    void productsEqualThePolicysBitForBitOnEveryCall()
    {
        for (GaussianMlpPolicy policy : policies()) {
            double[] theta = perturbed(policy);
            double[] observations = uniform(ROWS * policy.observationDimension(), -2, 2);
            MlpLinearisation linearised = policy.linearise(theta, observations, ROWS);
            QuadraticCost cost = new QuadraticCost(policy.actionDimension());
            int p = policy.parameterCount();
            int m = ROWS * policy.actionDimension();
            for (int call = 0; call < 3; call++) {
                double[] v = uniform(p, -1, 1);
                double[] rMeans = new double[m];
                double[] rLogStd = new double[policy.actionDimension()];
                double[] expectedMeans = new double[m];
                double[] expectedLogStd = new double[policy.actionDimension()];
                linearised.outputDirectional(v, rMeans, rLogStd);
                policy.outputDirectional(theta, observations, ROWS, v, expectedMeans, expectedLogStd);
                assertThat(rMeans).as("%s J v, call %d", policy, call).isEqualTo(expectedMeans);
                assertThat(rLogStd).isEqualTo(expectedLogStd);

                double[] gMeans = uniform(m, -1, 1);
                double[] gLogStd = uniform(policy.actionDimension(), -1, 1);
                double[] vjp = new double[p];
                double[] expectedVjp = new double[p];
                linearised.outputGradient(gMeans, gLogStd, vjp);
                policy.outputGradient(theta, observations, ROWS, gMeans, gLogStd, expectedVjp);
                assertThat(vjp).as("%s Jᵀ g, call %d", policy, call).isEqualTo(expectedVjp);

                double[] hvp = new double[p];
                double[] expectedHvp = new double[p];
                linearised.costHessianVector(cost, v, new double[policy.actionDimension()], hvp);
                policy.outputCostHessianVector(theta, observations, ROWS, cost, v, new double[policy.actionDimension()], expectedHvp);
                assertThat(hvp).as("%s ∇²c v, call %d", policy, call).isEqualTo(expectedHvp);
            }
        }
    }

    @Test
    void anotherCostRecomputesTheKeptGradients()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(5, 3, 16, 12);
        double[] theta = perturbed(policy);
        double[] observations = uniform(ROWS * 5, -2, 2);
        MlpLinearisation linearised = policy.linearise(theta, observations, ROWS);
        double[] v = uniform(policy.parameterCount(), -1, 1);
        QuadraticCost first = new QuadraticCost(3);
        QuadraticCost second = new QuadraticCost(3);
        double[] out = new double[policy.parameterCount()];
        double[] expected = new double[policy.parameterCount()];
        linearised.costHessianVector(first, v, new double[3], out);
        linearised.costHessianVector(second, v, new double[3], out);
        policy.outputCostHessianVector(theta, observations, ROWS, second, v, new double[3], expected);
        assertThat(out).isEqualTo(expected);
        policy.outputCostHessianVector(theta, observations, ROWS, first, v, new double[3], expected);
        assertThat(out).isNotEqualTo(expected);
    }

    @Test
    void theWorkspaceIsRestoredForThePolicysOwnCalls()
    {
        GaussianMlpPolicy policy = GaussianMlpPolicy.tanh(4, 2, 8, 8);
        double[] theta = perturbed(policy);
        double[] observations = uniform(ROWS * 4, -2, 2);
        double[] other = uniform(ROWS * 4, -2, 2);
        double[] before = new double[ROWS * 2];
        policy.outputs(theta, other, ROWS, before, new double[2]);
        MlpLinearisation linearised = policy.linearise(theta, observations, ROWS);
        linearised.costHessianVector(new QuadraticCost(2), uniform(policy.parameterCount(), -1, 1), new double[2], new double[policy.parameterCount()]);
        double[] after = new double[ROWS * 2];
        policy.outputs(theta, other, ROWS, after, new double[2]);
        assertThat(after).isEqualTo(before);
        assertThat(linearised.rows()).isEqualTo(ROWS);
    }

    /** c = Σ_i Σ_d (½ w_d μ_id² + a_d μ_id), with a log σ cross term rg_{log σ,d} = Σ_i b_d u_id: a cost with v-independent g. */
    private final class QuadraticCost
            implements OutputCurvature
    {
        private final double[] w;
        private final double[] a;
        private final double[] b;

        QuadraticCost(int actions)
        {
            w = uniform(actions, 0.5, 2);
            a = uniform(actions, -1, 1);
            b = uniform(actions, -1, 1);
        }

        @Override
        public void chunk(int start, int rows, double[] means, double[] rMeans, double[] gMeans, double[] rgMeans, double[] rgLogStd)
        {
            int actions = w.length;
            for (int i = 0; i < rows * actions; i++) {
                int d = i % actions;
                gMeans[i] = w[d] * means[i] + a[d];
                rgMeans[i] = w[d] * rMeans[i];
                rgLogStd[d] += b[d] * rMeans[i];
            }
        }
    }

    private static GaussianMlpPolicy[] policies()
    {
        return new GaussianMlpPolicy[] {
                GaussianMlpPolicy.tanh(3, 2, 5, 4),
                new GaussianMlpPolicy(3, 2, new int[] {6}, Activation.RELU, -0.2),
                new GaussianMlpPolicy(4, 3, new int[0], Activation.TANH, 0.1),
        };
    }

    private double[] perturbed(GaussianMlpPolicy policy)
    {
        double[] theta = policy.initialParameters(RandomSource.seeded(5).derive(policy.name()));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += random.nextDouble(-0.3, 0.3);
        }
        return theta;
    }

    private double[] uniform(int n, double low, double high)
    {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(low, high);
        }
        return x;
    }
}
