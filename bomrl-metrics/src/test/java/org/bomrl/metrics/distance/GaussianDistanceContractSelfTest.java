package org.bomrl.metrics.distance;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.api.tck.GaussianDistanceContract;
import org.bomrl.api.tck.LinearGaussianPolicy;
import org.bomrl.api.tck.TanhGaussianPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gaussian-distance contract tests catch distances that break the contract. */
class GaussianDistanceContractSelfTest
{
    private static final LinearGaussianPolicy LINEAR = new LinearGaussianPolicy(3, 2);
    private static final TanhGaussianPolicy TANH = new TanhGaussianPolicy(3, 4, 2);

    @Test
    void catchesAWrongSignInTheCrossTerm()
    {
        GaussianDistanceContract contract = contract(new Broken(new KlPriorAdapted().gaussian().get())
        {
            @Override
            public void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out)
            {
                super.crossTerm(policy, theta, phi, observations, n, x, out);
                for (int j = 0; j < out.length; j++) {
                    out[j] = -out[j];
                }
            }
        }, TANH);
        assertThatThrownBy(contract::crossTermMatchesFiniteDifferencesInPhiOfGradientTheta).isInstanceOf(AssertionError.class)
                .hasMessageContaining("∂(∇_θD·x)/∂φ_");
        assertThatThrownBy(contract::crossTermMatchesMixedSecondDifferenceOfValue).isInstanceOf(AssertionError.class);
    }

    /**
     * A distance that stops at J_θᵀ(∂²c)(J_θ v), dropping Σ (∂c/∂μ) ∇²μ v, is right for a linear policy
     * and wrong for a nonlinear one: the contract must be run with a nonlinear fixture to see it. The
     * missing term is produced by a policy whose R-operator forgets it.
     */
    @Test
    void catchesAMissingSecondOrderNetworkTermOnlyWithANonlinearPolicy()
    {
        GaussianDistance distance = new KlAdaptedPrior().gaussian().get();
        GaussianDistanceContract linear = contract(distance, new FirstOrderOnly(LINEAR));
        GaussianDistanceContract tanh = contract(distance, new FirstOrderOnly(TANH));

        assertThatCode(linear::hessianVectorMatchesFiniteDifferencesOfGradient).doesNotThrowAnyException();
        assertThatCode(linear::hessianVectorMatchesSecondDifferenceOfValue).doesNotThrowAnyException();
        assertThatThrownBy(tanh::hessianVectorMatchesFiniteDifferencesOfGradient).isInstanceOf(AssertionError.class)
                .hasMessageContaining("(∇²_θθD v)_");
        assertThatThrownBy(tanh::hessianVectorMatchesSecondDifferenceOfValue).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesAGradientWithoutTheMeanOverStates()
    {
        GaussianDistanceContract contract = contract(new Broken(new KlPriorAdapted().gaussian().get())
        {
            @Override
            public void gradientTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] out)
            {
                super.gradientTheta(policy, theta, phi, observations, n, out);
                for (int j = 0; j < out.length; j++) {
                    out[j] *= n;
                }
            }
        }, LINEAR);
        assertThatThrownBy(contract::gradientThetaMatchesFiniteDifferences).isInstanceOf(AssertionError.class).hasMessageContaining("∂D/∂θ_");
    }

    @Test
    void catchesAnAsymmetricHessianVectorProduct()
    {
        // adds ε(e₀e₁ᵀ − e₁e₀ᵀ)v, antisymmetric, so uᵀHv ≠ vᵀHu
        GaussianDistanceContract contract = contract(new Broken(new SquaredEuclidean().gaussian().get())
        {
            @Override
            public void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out)
            {
                super.hessianVectorThetaTheta(policy, theta, phi, observations, n, v, out);
                out[0] += 1e-3 * v[1];
                out[1] -= 1e-3 * v[0];
            }
        }, LINEAR);
        assertThatThrownBy(contract::hessianVectorIsSymmetric).isInstanceOf(AssertionError.class).hasMessageContaining("uᵀHv − vᵀHu");
    }

    @Test
    void catchesNegativeValuesANonZeroIdentityAndUnwrittenOutputs()
    {
        GaussianDistanceContract shifted = contract(new Broken(new KlAdaptedPrior().gaussian().get())
        {
            @Override
            public double value(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n)
            {
                return super.value(policy, theta, phi, observations, n) - 0.01;
            }
        }, LINEAR);
        GaussianDistanceContract skipsEntry = contract(new Broken(new KlPriorAdapted().gaussian().get())
        {
            @Override
            public void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out)
            {
                double last = out[out.length - 1];
                super.hessianVectorThetaTheta(policy, theta, phi, observations, n, v, out);
                out[out.length - 1] = last;
            }
        }, TANH);
        assertThatThrownBy(shifted::valueIsNonNegativeAndFinite).isInstanceOf(AssertionError.class);
        assertThatThrownBy(shifted::valueAndGradientVanishAtIdentityWhereTheCurvatureIsNonNegative).isInstanceOf(AssertionError.class);
        assertThatThrownBy(skipsEntry::hessianVectorIsSymmetric).isInstanceOf(AssertionError.class).hasMessageContaining("not written");
    }

    @Test
    void catchesACrossTermTakenWithRespectToTheWrongArgument()
    {
        // ∇²_θθD·x in place of ∇²_φθD·x
        GaussianDistanceContract contract = contract(new Broken(new KlPriorAdapted().gaussian().get())
        {
            @Override
            public void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out)
            {
                super.hessianVectorThetaTheta(policy, theta, phi, observations, n, x, out);
            }
        }, TANH);
        assertThatThrownBy(contract::crossTermMatchesFiniteDifferencesInPhiOfGradientTheta).isInstanceOf(AssertionError.class);
    }

    private static GaussianDistanceContract contract(GaussianDistance distance, GaussianPolicy policy)
    {
        return new GaussianDistanceContract()
        {
            @Override
            protected GaussianDistance distance()
            {
                return distance;
            }

            @Override
            protected GaussianPolicy policy()
            {
                return policy;
            }
        };
    }

    /** Delegates everything; tests override the part they break. */
    private static class Broken
            implements GaussianDistance
    {
        private final GaussianDistance delegate;

        Broken(GaussianDistance delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public double value(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n)
        {
            return delegate.value(policy, theta, phi, observations, n);
        }

        @Override
        public void gradientTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] out)
        {
            delegate.gradientTheta(policy, theta, phi, observations, n, out);
        }

        @Override
        public void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out)
        {
            delegate.hessianVectorThetaTheta(policy, theta, phi, observations, n, v, out);
        }

        @Override
        public void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out)
        {
            delegate.crossTerm(policy, theta, phi, observations, n, x, out);
        }

        @Override
        public String toString()
        {
            return "broken " + delegate;
        }
    }

    /** A policy whose output R-operator keeps only Jᵀ rg and drops the second-order term Σ g ∇²μ v. */
    private record FirstOrderOnly(GaussianPolicy delegate)
            implements GaussianPolicy
    {
        @Override
        public void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
                double[] v, double[] out)
        {
            delegate.outputGradient(theta, observations, n, rgMeans, rgLogStd, out);
        }

        @Override
        public void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd)
        {
            delegate.outputs(theta, observations, n, means, logStd);
        }

        @Override
        public void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out)
        {
            delegate.outputGradient(theta, observations, n, gMeans, gLogStd, out);
        }

        @Override
        public void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd)
        {
            delegate.outputDirectional(theta, observations, n, v, rMeans, rLogStd);
        }

        @Override
        public void logProbabilities(double[] theta, TrajectoryBatch batch, double[] out)
        {
            delegate.logProbabilities(theta, batch, out);
        }

        @Override
        public void scoreGradient(double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities)
        {
            delegate.scoreGradient(theta, batch, weights, out, logProbabilities);
        }

        @Override
        public void scoreHessianVector(double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out)
        {
            delegate.scoreHessianVector(theta, batch, first, second, v, out);
        }

        @Override
        public String name()
        {
            return "first-order-only " + delegate.name();
        }

        @Override
        public int parameterCount()
        {
            return delegate.parameterCount();
        }

        @Override
        public int observationDimension()
        {
            return delegate.observationDimension();
        }

        @Override
        public int actionDimension()
        {
            return delegate.actionDimension();
        }

        @Override
        public double[] initialParameters(RandomSource random)
        {
            return delegate.initialParameters(random);
        }

        @Override
        public double sample(double[] theta, double[] observation, SplittableRandom random, double[] action)
        {
            return delegate.sample(theta, observation, random, action);
        }

        @Override
        public double logProbability(double[] theta, double[] observation, double[] action)
        {
            return delegate.logProbability(theta, observation, action);
        }
    }
}
