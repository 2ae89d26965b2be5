package org.bomrl.metrics.distance;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.api.tck.TabularDistanceContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract tests catch distances that break the contract. */
class TabularDistanceContractSelfTest
{
    @Test
    void catchesAWrongGradientTheta()
    {
        TabularDistanceContract contract = contract(new Broken(new KlPriorAdapted())
        {
            @Override
            public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
            {
                super.gradientTheta(theta, phi, offset, actions, out);
                out[0] *= 1.001;
            }
        });
        assertThatThrownBy(contract::gradientThetaMatchesFiniteDifferences).isInstanceOf(AssertionError.class).hasMessageContaining("∂d/∂θ_0");
    }

    @Test
    void catchesAWrongGradientPhi()
    {
        TabularDistanceContract contract = contract(new Broken(new KlAdaptedPrior())
        {
            @Override
            public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
            {
                super.gradientPhi(theta, phi, offset, actions, out);
                out[actions - 1] += 1e-4;
            }
        });
        assertThatThrownBy(contract::gradientPhiMatchesFiniteDifferences).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesAWrongHessianThetaTheta()
    {
        // KL(π_θ‖π_φ) with the M term dropped: the Hessian of the mirror direction is F + M, not F
        TabularDistanceContract contract = contract(new Broken(new KlAdaptedPrior())
        {
            @Override
            public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
            {
                org.bomrl.numerics.tabular.SoftmaxDerivatives.logitJacobian(theta, offset, actions, 1, out);
            }
        });
        assertThatThrownBy(contract::hessianThetaThetaMatchesFiniteDifferencesOfGradient).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesATransposedCrossHessian()
    {
        // −2F(π)F(p) is not symmetric, so its transpose is wrong
        TabularDistanceContract contract = contract(new Broken(new SquaredEuclideanProbabilities())
        {
            @Override
            public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
            {
                super.hessianThetaPhi(theta, phi, offset, actions, out);
                for (int i = 0; i < actions; i++) {
                    for (int j = i + 1; j < actions; j++) {
                        double swap = out[i * actions + j];
                        out[i * actions + j] = out[j * actions + i];
                        out[j * actions + i] = swap;
                    }
                }
            }
        });
        assertThatThrownBy(contract::hessianThetaPhiMatchesFiniteDifferencesOfGradientTheta).isInstanceOf(AssertionError.class);
        assertThatThrownBy(contract::hessianThetaPhiMatchesFiniteDifferencesOfGradientPhi).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesAWrongShiftInvarianceFlagEitherWay()
    {
        TabularDistanceContract claimsInvariance = contract(new Broken(new SquaredEuclidean())
        {
            @Override
            public boolean shiftInvariant()
            {
                return true;
            }
        });
        TabularDistanceContract deniesInvariance = contract(new Broken(new KlPriorAdapted())
        {
            @Override
            public boolean shiftInvariant()
            {
                return false;
            }
        });
        assertThatThrownBy(claimsInvariance::shiftInvarianceIsDeclaredCorrectly).isInstanceOf(AssertionError.class);
        assertThatThrownBy(deniesInvariance::shiftInvarianceIsDeclaredCorrectly).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesNegativeValuesAndANonZeroIdentity()
    {
        TabularDistanceContract shifted = contract(new Broken(new SquaredEuclidean())
        {
            @Override
            public double value(double[] theta, double[] phi, int offset, int actions)
            {
                return super.value(theta, phi, offset, actions) - 0.01;
            }
        });
        assertThatThrownBy(shifted::valueIsZeroAtIdentity).isInstanceOf(AssertionError.class);
        assertThatThrownBy(shifted::valueIsNonNegativeAndFinite).isInstanceOf(AssertionError.class);
    }

    @Test
    void catchesIgnoredOffsetsAndUnwrittenOutputs()
    {
        TabularDistanceContract ignoresOffset = contract(new Broken(new SquaredEuclidean())
        {
            @Override
            public double value(double[] theta, double[] phi, int offset, int actions)
            {
                return super.value(theta, phi, 0, actions);
            }
        });
        TabularDistanceContract skipsEntry = contract(new Broken(new KlPriorAdapted())
        {
            @Override
            public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
            {
                double first = out[0];
                super.hessianThetaTheta(theta, phi, offset, actions, out);
                out[0] = first;
            }
        });
        assertThatThrownBy(ignoresOffset::gradientThetaMatchesFiniteDifferences).isInstanceOf(AssertionError.class);
        assertThatThrownBy(skipsEntry::hessianThetaThetaMatchesFiniteDifferencesOfGradient).isInstanceOf(AssertionError.class);
    }

    private static TabularDistanceContract contract(TabularDistance distance)
    {
        return new TabularDistanceContract()
        {
            @Override
            protected TabularDistance distance()
            {
                return distance;
            }
        };
    }

    /** Delegates everything; tests override the part they break. */
    private static class Broken
            implements TabularDistance
    {
        private final TabularDistance delegate;

        Broken(TabularDistance delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public double value(double[] theta, double[] phi, int offset, int actions)
        {
            return delegate.value(theta, phi, offset, actions);
        }

        @Override
        public void gradientTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
        {
            delegate.gradientTheta(theta, phi, offset, actions, out);
        }

        @Override
        public void gradientPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
        {
            delegate.gradientPhi(theta, phi, offset, actions, out);
        }

        @Override
        public void hessianThetaTheta(double[] theta, double[] phi, int offset, int actions, double[] out)
        {
            delegate.hessianThetaTheta(theta, phi, offset, actions, out);
        }

        @Override
        public void hessianThetaPhi(double[] theta, double[] phi, int offset, int actions, double[] out)
        {
            delegate.hessianThetaPhi(theta, phi, offset, actions, out);
        }

        @Override
        public boolean shiftInvariant()
        {
            return delegate.shiftInvariant();
        }

        @Override
        public String toString()
        {
            return "broken " + delegate;
        }
    }
}
