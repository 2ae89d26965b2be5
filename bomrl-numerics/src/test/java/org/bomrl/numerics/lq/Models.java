package org.bomrl.numerics.lq;

import org.bomrl.api.env.LinearQuadraticModel;

import java.util.SplittableRandom;

/** Random linear-quadratic models for tests, with diagonal noise and initial covariances so that tests can sample them directly. */
final class Models
{
    private Models() {}

    static LinearQuadraticModel random(SplittableRandom random, int n, int m, int horizon, double gamma)
    {
        double[][] a = new double[n][n];
        double[][] b = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 0.9 : 0) + 0.3 * (random.nextDouble() - 0.5);
            }
            for (int j = 0; j < m; j++) {
                b[i][j] = random.nextDouble() - 0.5;
            }
        }
        double[] m0 = new double[n];
        for (int i = 0; i < n; i++) {
            m0[i] = 2 * random.nextDouble() - 1;
        }
        return new LinearQuadraticModel(a, b, gram(random, n, 0.2), gram(random, m, 0.5), diagonal(random, n, 0.05), m0, diagonal(random, n, 0.1), gamma,
                horizon);
    }

    /** CᵀC + shift·I with C uniform in [−½, ½], exactly symmetric. */
    static double[][] gram(SplittableRandom random, int size, double shift)
    {
        double[][] c = new double[size][size];
        for (double[] row : c) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        double[][] gram = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = i == j ? shift : 0;
                for (int l = 0; l < size; l++) {
                    sum += c[l][i] * c[l][j];
                }
                gram[i][j] = sum;
                gram[j][i] = sum;
            }
        }
        return gram;
    }

    /** A diagonal covariance with variances uniform in [0, scale]. */
    static double[][] diagonal(SplittableRandom random, int size, double scale)
    {
        double[][] diagonal = new double[size][size];
        for (int i = 0; i < size; i++) {
            diagonal[i][i] = scale * random.nextDouble();
        }
        return diagonal;
    }

    static double[] randomTheta(SplittableRandom random, int n, int m, double scale)
    {
        double[] theta = new double[LinearGaussianReturn.parameterCount(n, m)];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = scale * (2 * random.nextDouble() - 1);
        }
        return theta;
    }
}
