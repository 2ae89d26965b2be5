package org.bomrl.numerics.neural;

/**
 * Per-thread buffers of a {@link GaussianMlpPolicy} for one chunk of at most {@code chunk} rows:
 * for every layer l its outputs h_l (the mean μ for the last), their directional derivatives
 * R(h_l), and the gradients and R-gradients with respect to its pre-activations z_l, each
 * chunk×out_l row-major; plus the matrix kernels with their packing buffers. Not thread-safe.
 */
final class MlpWorkspace
{
    final DenseKernels kernels = new DenseKernels();
    final double[][] h;
    final double[][] rh;
    final double[][] g;
    final double[][] rg;
    final double[] invStd;
    final double[] logStdGradient;
    final double[] noise;

    MlpWorkspace(int[] sizes, int chunk)
    {
        int layers = sizes.length - 1;
        h = new double[layers][];
        rh = new double[layers][];
        g = new double[layers][];
        rg = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int width = chunk * sizes[l + 1];
            h[l] = new double[width];
            rh[l] = new double[width];
            g[l] = new double[width];
            rg[l] = new double[width];
        }
        int actions = sizes[layers];
        invStd = new double[actions];
        logStdGradient = new double[actions];
        noise = new double[actions + 1];
    }
}
