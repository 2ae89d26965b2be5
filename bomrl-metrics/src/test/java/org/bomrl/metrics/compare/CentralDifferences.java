package org.bomrl.metrics.compare;

import java.util.function.ToDoubleFunction;

/** The comparators' independent gradient check: central differences ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h. */
final class CentralDifferences
{
    private CentralDifferences() {}

    static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double step)
    {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += step;
            minus[i] -= step;
            gradient[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * step);
        }
        return gradient;
    }
}
