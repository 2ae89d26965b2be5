package org.bomrl.numerics.neural;

/**
 * The output-space derivatives of a cost c = Σ_i c_i(μ_θ(s_i), log σ_θ) on a {@link GaussianMlpPolicy}
 * along a direction v, evaluated one chunk of rows at a time by
 * {@link GaussianMlpPolicy#outputCostHessianVector} so that the exact Hessian-vector product needs a
 * single forward, directional forward and R-backward pass.
 */
@FunctionalInterface
public interface OutputCurvature
{
    /**
     * For rows {@code start … start + rows − 1} (row i − start of each chunk array, actionDimension
     * values each): reads their means μ and directional derivatives u = (∂μ/∂θ) v, writes
     * g = ∂c/∂μ to {@code gMeans} and rg = (∂²c/∂o∂μ)(J v) to {@code rgMeans}, and adds
     * (∂²c/∂o∂log σ)(J v) to {@code rgLogStd}, with o the outputs and J v = (u, v_{log σ}).
     */
    void chunk(int start, int rows, double[] means, double[] rMeans, double[] gMeans, double[] rgMeans, double[] rgLogStd);
}
