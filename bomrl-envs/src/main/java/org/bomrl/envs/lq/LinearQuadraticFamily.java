package org.bomrl.envs.lq;

import org.bomrl.api.env.LinearQuadraticModel;

import java.util.Arrays;

/**
 * What the tasks of one linear-quadratic distribution share, and how a task's parameters (a, b)
 * enter its dynamics: A_τ = A_0 + a·I and B_τ = b·B_0, with the chain of integrators
 * A_0 = I + Δt·J (J the superdiagonal of ones) and B_0 = Δt·[0; I_m] (the last m state
 * coordinates are actuated); Q = q·I, R = ρ·I, Σ_w = σ_w²·I, m_0 = μ_0·1, Σ_0 = σ_0²·I.
 *
 * @param n state dimension
 * @param m action dimension, 1 ≤ m ≤ n
 * @param dt Δt &gt; 0
 * @param stateCost q ≥ 0
 * @param actionCost ρ &gt; 0
 * @param noiseStd σ_w ≥ 0
 * @param initialMean μ_0
 * @param initialStd σ_0 ≥ 0
 * @param gamma γ ∈ [0, 1]
 * @param horizon H ≥ 1
 */
record LinearQuadraticFamily(int n, int m, double dt, double stateCost, double actionCost, double noiseStd, double initialMean, double initialStd,
        double gamma, int horizon)
{
    LinearQuadraticFamily
    {
        if (n < 1 || m < 1 || m > n) {
            throw new IllegalArgumentException("dimensions n = " + n + ", m = " + m + " must satisfy 1 ≤ m ≤ n");
        }
    }

    /** The exact model of task (a, b). */
    LinearQuadraticModel model(double a, double b)
    {
        double[][] matrixA = new double[n][n];
        double[][] matrixB = new double[n][m];
        for (int i = 0; i < n; i++) {
            matrixA[i][i] = 1 + a;
            if (i + 1 < n) {
                matrixA[i][i + 1] = dt;
            }
        }
        for (int j = 0; j < m; j++) {
            matrixB[n - m + j][j] = b * dt;
        }
        double[] m0 = new double[n];
        Arrays.fill(m0, initialMean);
        return new LinearQuadraticModel(matrixA, matrixB, scaledIdentity(n, stateCost), scaledIdentity(m, actionCost), scaledIdentity(n, noiseStd * noiseStd),
                m0, scaledIdentity(n, initialStd * initialStd), gamma, horizon);
    }

    private static double[][] scaledIdentity(int size, double scale)
    {
        double[][] matrix = new double[size][size];
        for (int i = 0; i < size; i++) {
            matrix[i][i] = scale;
        }
        return matrix;
    }
}
