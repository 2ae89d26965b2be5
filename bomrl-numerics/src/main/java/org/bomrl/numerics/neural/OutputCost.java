package org.bomrl.numerics.neural;

/**
 * A cost c = Σ_i c_i(μ_θ(s_i), log σ_θ) on the outputs of a {@link GaussianMlpPolicy}, evaluated one
 * chunk of rows at a time by {@link GaussianMlpPolicy#outputCostGradient} so that its gradient
 * needs a single forward and a single backward pass.
 */
@FunctionalInterface
public interface OutputCost
{
    /**
     * For rows {@code start … start + rows − 1}: reads their means (row i − start of {@code means},
     * actionDimension values each), writes ∂c/∂μ of those rows to {@code gMeans} (same layout),
     * adds their ∂c/∂log σ to {@code gLogStd} and returns Σ c_i over them.
     */
    double chunk(int start, int rows, double[] means, double[] gMeans, double[] gLogStd);
}
