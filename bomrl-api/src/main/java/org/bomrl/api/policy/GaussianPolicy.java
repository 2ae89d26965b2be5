package org.bomrl.api.policy;

import org.bomrl.api.Experimental;

/**
 * A diagonal Gaussian policy π_θ(a|s) = N(μ_θ(s), diag σ_θ²) with a state-independent log-std
 * (spec §5b), exposed through its outputs so that distances between Gaussian policies (spec §2.5:
 * KL per dimension) can be differentiated exactly. Observations are N rows of
 * {@link #observationDimension()} values, row-major; means are N rows of
 * {@link #actionDimension()} values; the log-std has {@link #actionDimension()} values.
 * Outputs go to caller-owned arrays; inputs are not modified.
 */
@Experimental(since = "0.2")
public interface GaussianPolicy
        extends DifferentiablePolicy
{
    /** means = μ_θ(s_i) for the n rows of {@code observations}; logStd = log σ_θ. */
    void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd);

    /** out = Σ_i gMeans_iᵀ ∂μ_θ(s_i)/∂θ + gLogStdᵀ ∂log σ_θ/∂θ (overwritten): a vector–Jacobian product. */
    void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out);

    /** rMeans = (∂μ_θ(s_i)/∂θ) v, rLogStd = (∂log σ_θ/∂θ) v: a Jacobian–vector product. */
    void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd);

    /**
     * out = Σ_i [ gMeans_iᵀ ∇²μ_θ(s_i) v + rgMeans_iᵀ ∂μ_θ(s_i)/∂θ ] + rgLogStdᵀ ∂log σ_θ/∂θ
     * (overwritten; log σ_θ is linear in θ): the R-operator of {@link #outputGradient}, which is the
     * exact Hessian-vector product of Σ_i c(μ_θ(s_i), log σ_θ) when g = ∂c/∂outputs and
     * rg = (∂²c/∂outputs²)·(J v).
     */
    void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
            double[] v, double[] out);
}
