package org.bomrl.envs.lq;

import org.bomrl.api.env.BoxSpace;
import org.bomrl.api.env.Environment;
import org.bomrl.api.env.LinearQuadraticModel;
import org.bomrl.api.env.Space;
import org.bomrl.api.env.Step;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One episode of a linear-quadratic task at a time: reset draws x_0 = m_0 + σ_0 ξ, each step pays
 * r_t = −(x_tᵀQx_t + u_tᵀRu_t) for the current state and the given action and moves to
 * x_{t+1} = A x_t + B u_t + σ_w ξ_t (ξ standard normal, from the generator the reset seed
 * starts), and episodes are truncated after H steps. Observations are x ∈ R^n, actions any
 * finite u ∈ R^m. The covariances are σ²·I ({@link LinearQuadraticFamily}). Not thread-safe.
 */
final class LinearQuadraticEnvironment
        implements Environment<double[], double[]>
{
    private final int n;
    private final int m;
    private final double[][] a;
    private final double[][] b;
    private final double[][] q;
    private final double[][] r;
    private final double[] m0;
    private final double noiseStd;
    private final double initialStd;
    private final int horizon;
    private final BoxSpace observationSpace;
    private final BoxSpace actionSpace;
    private final double[] state;
    private final double[] next;
    private SplittableRandom random;
    private int steps;
    private boolean done;

    LinearQuadraticEnvironment(LinearQuadraticModel model, double noiseStd, double initialStd)
    {
        this.n = model.stateDimension();
        this.m = model.actionDimension();
        this.a = model.a();
        this.b = model.b();
        this.q = model.q();
        this.r = model.r();
        this.m0 = model.m0();
        this.noiseStd = noiseStd;
        this.initialStd = initialStd;
        this.horizon = model.horizon();
        this.observationSpace = unbounded(n);
        this.actionSpace = unbounded(m);
        this.state = new double[n];
        this.next = new double[n];
    }

    private static BoxSpace unbounded(int dimension)
    {
        double[] low = new double[dimension];
        double[] high = new double[dimension];
        Arrays.fill(low, Double.NEGATIVE_INFINITY);
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        return new BoxSpace(low, high);
    }

    @Override
    public Space observationSpace()
    {
        return observationSpace;
    }

    @Override
    public Space actionSpace()
    {
        return actionSpace;
    }

    @Override
    public double[] reset(long seed)
    {
        random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            state[i] = m0[i] + initialStd * random.nextGaussian();
        }
        steps = 0;
        done = false;
        return state.clone();
    }

    @Override
    public Step<double[]> step(double[] action)
    {
        if (random == null) {
            throw new IllegalStateException("step before reset");
        }
        if (done) {
            throw new IllegalStateException("step after the episode was truncated at step " + steps + " without reset");
        }
        if (action == null || action.length != m) {
            throw new IllegalArgumentException("action " + (action == null ? "null" : Arrays.toString(action)) + " is not a vector in R^" + m);
        }
        for (double value : action) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("action " + Arrays.toString(action) + " is not finite");
            }
        }
        double cost = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost += state[i] * q[i][j] * state[j];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                cost += action[i] * r[i][j] * action[j];
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[i][j] * state[j];
            }
            for (int j = 0; j < m; j++) {
                sum += b[i][j] * action[j];
            }
            next[i] = sum + noiseStd * random.nextGaussian();
        }
        System.arraycopy(next, 0, state, 0, n);
        steps++;
        done = steps >= horizon;
        double[] observation = state.clone();
        for (double value : observation) {
            if (!Double.isFinite(value)) {
                throw new ArithmeticException("the state left the doubles at step " + steps + ": " + Arrays.toString(observation));
            }
        }
        return new Step<>(observation, -cost, false, done);
    }
}
