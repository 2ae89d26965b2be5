package org.bomrl.core.adapt;

/**
 * An orthonormal basis U ∈ R^{n×k} of the subspace a solver works in: 1^⊥ = {x : Σ_i x_i = 0}
 * (k = n − 1, the Helmert basis u_j = (1, …, 1, −j, 0, …, 0)/√(j(j+1)), j = 1 … n−1) for
 * shift-invariant distances, where adding a constant to a state's logits changes nothing
 * (spec §3.4), or all of R^n (k = n, U = I) otherwise. Immutable.
 */
final class OnesComplementBasis
{
    private final int n;
    private final int k;
    /** U row-major, n×k. */
    private final double[] u;

    private OnesComplementBasis(int n, int k, double[] u)
    {
        this.n = n;
        this.k = k;
        this.u = u;
    }

    /** The basis of 1^⊥ ⊂ R^n if {@code onesComplement}, else of R^n. */
    static OnesComplementBasis of(int n, boolean onesComplement)
    {
        if (!onesComplement) {
            double[] identity = new double[n * n];
            for (int i = 0; i < n; i++) {
                identity[i * n + i] = 1;
            }
            return new OnesComplementBasis(n, n, identity);
        }
        int k = n - 1;
        double[] u = new double[n * k];
        for (int j = 1; j <= k; j++) {
            double scale = 1 / Math.sqrt(j * (j + 1.0));
            for (int i = 0; i < j; i++) {
                u[i * k + (j - 1)] = scale;
            }
            u[j * k + (j - 1)] = -j * scale;
        }
        return new OnesComplementBasis(n, k, u);
    }

    /** n, the ambient dimension. */
    int ambient()
    {
        return n;
    }

    /** k, the subspace dimension. */
    int dimension()
    {
        return k;
    }

    /** U_{ij}. */
    double entry(int i, int j)
    {
        return u[i * k + j];
    }

    /** out = Uᵀ x (k entries from {@code outOffset}), x read from {@code offset}. */
    void reduce(double[] x, int offset, double[] out, int outOffset)
    {
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += u[i * k + j] * x[offset + i];
            }
            out[outOffset + j] = sum;
        }
    }

    /** out = U y (n entries from {@code outOffset}), y read from {@code offset}. */
    void expand(double[] y, int offset, double[] out, int outOffset)
    {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += u[i * k + j] * y[offset + j];
            }
            out[outOffset + i] = sum;
        }
    }

    /** out = Uᵀ H U (k×k row-major from index 0) for a row-major n×n H. */
    void reduceMatrix(double[] h, double[] out)
    {
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double ui = u[i * k + a];
                    if (ui == 0) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        sum += ui * h[i * n + j] * u[j * k + b];
                    }
                }
                out[a * k + b] = sum;
            }
        }
    }
}
