package org.bomrl.numerics.tabular;

/**
 * An orthonormal basis U ∈ R^{n×k} of the subspace a solver works in: 1^⊥ = {x : Σ_i x_i = 0}
 * (k = n − 1) for shift-invariant distances, where adding a constant to a state's logits changes
 * nothing (spec §3.4), or all of R^n (k = n, U = I) otherwise. Immutable.
 *
 * <p>Two constructions of a basis of 1^⊥ exist, both here: {@link #of} gives the Helmert basis
 * u_j = (1, …, 1, −j, 0, …, 0)/√(j(j+1)), j = 1 … n−1 (the generic Newton solver and the KKT
 * hypergradient), {@link #householder} the first n−1 columns of the reflection that maps e_n to
 * 1/√n ({@link OnesComplementSolver}, hence the implicit hypergradient). Any orthonormal basis gives
 * the same solutions in exact arithmetic but not the same bits: moving the implicit hypergradient to
 * the Helmert basis changes the Alg(1)/(2) results of {@code examples/head-to-head-exact}, moving the
 * KKT hypergradient to the Householder basis changes its trust-region results, and those files are
 * held byte-identical by the regression guard, so each keeps its basis.
 */
public final class OnesComplementBasis
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

    /** The Helmert basis of 1^⊥ ⊂ R^n if {@code onesComplement}, else the standard basis of R^n. */
    public static OnesComplementBasis of(int n, boolean onesComplement)
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

    /**
     * The basis of 1^⊥ ⊂ R^n (n ≥ 2) formed by the first n−1 columns of Q = I − 2vvᵀ/‖v‖²,
     * v = 1/√n − e_n: Q is symmetric orthogonal with Q e_n = 1/√n, so these columns span 1^⊥.
     */
    public static OnesComplementBasis householder(int n)
    {
        if (n < 2) {
            throw new IllegalArgumentException("1^⊥ of R^" + n + " has no basis vectors; n must be at least 2");
        }
        int k = n - 1;
        double[] v = new double[n];
        double root = Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            v[i] = 1 / root;
        }
        v[n - 1] -= 1;
        double norm = 2 - 2 / root;
        double[] u = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                u[i * k + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / norm;
            }
        }
        return new OnesComplementBasis(n, k, u);
    }

    /** n, the ambient dimension. */
    public int ambient()
    {
        return n;
    }

    /** k, the subspace dimension. */
    public int dimension()
    {
        return k;
    }

    /** U_{ij}. */
    public double entry(int i, int j)
    {
        return u[i * k + j];
    }

    /** out = Uᵀ x (k entries from {@code outOffset}), x read from {@code offset}. */
    public void reduce(double[] x, int offset, double[] out, int outOffset)
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
    public void expand(double[] y, int offset, double[] out, int outOffset)
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
    public void reduceMatrix(double[] h, double[] out)
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
