package org.bomrl.numerics.lq;

import org.bomrl.api.env.LinearQuadraticModel;

/**
 * An independent evaluation, in plain loops over the mean μ_t and covariance S_t of x_t, of the
 * expected discounted cost Σ_t γ^t E[x_tᵀQx_t + u_tᵀRu_t] of a deterministic time-varying feedback
 * u_t = L_t x_t: cost_t = μᵀ(Q + LᵀRL)μ + tr((Q + LᵀRL)S), μ' = (A+BL)μ, S' = (A+BL)S(A+BL)ᵀ + Σ_w.
 */
final class FeedbackCost
{
    private FeedbackCost() {}

    /** {@code gains} holds L_0 … L_{H−1}, each m×n row-major, one after another. */
    static double of(LinearQuadraticModel model, double[] gains)
    {
        int n = model.stateDimension();
        int m = model.actionDimension();
        double[][] a = model.a();
        double[][] b = model.b();
        double[][] q = model.q();
        double[][] r = model.r();
        double[][] w = model.sigmaW();
        double[] mean = model.m0();
        double[][] cov = model.sigma0();
        double cost = 0;
        double discount = 1;
        for (int t = 0; t < model.horizon(); t++) {
            double[][] stage = new double[n][n];
            double[][] closed = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = q[i][j];
                    for (int k = 0; k < m; k++) {
                        for (int l = 0; l < m; l++) {
                            s += gains[t * m * n + k * n + i] * r[k][l] * gains[t * m * n + l * n + j];
                        }
                    }
                    stage[i][j] = s;
                    double f = a[i][j];
                    for (int k = 0; k < m; k++) {
                        f += b[i][k] * gains[t * m * n + k * n + j];
                    }
                    closed[i][j] = f;
                }
            }
            double stageCost = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    stageCost += stage[i][j] * (mean[i] * mean[j] + cov[i][j]);
                }
            }
            cost += discount * stageCost;
            discount *= model.gamma();
            double[] nextMean = new double[n];
            double[][] nextCov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    nextMean[i] += closed[i][j] * mean[j];
                    double s = w[i][j];
                    for (int k = 0; k < n; k++) {
                        for (int l = 0; l < n; l++) {
                            s += closed[i][k] * cov[k][l] * closed[j][l];
                        }
                    }
                    nextCov[i][j] = s;
                }
            }
            mean = nextMean;
            cov = nextCov;
        }
        return cost;
    }
}
