package org.bomrl.numerics.neural;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A {@link GaussianMlpPolicy} linearised at a fixed θ on n fixed observations (from
 * {@link GaussianMlpPolicy#linearise}): the layer outputs h_l of the forward pass are computed once
 * per chunk of rows and kept, and so, after the first {@link #costHessianVector}, are the
 * direction-independent back-propagated products G_l W_l. Each later product runs only its
 * direction-dependent passes — the Jacobian–vector product J v one directional forward pass, the
 * vector–Jacobian product Jᵀg one backward pass, the exact Hessian-vector product of a cost on the
 * outputs one directional forward and one R-backward pass without the G_l W_l products — which
 * is what the conjugate-gradient solves of spec §3.5 (steps 6 and 8, ten products at one θ) repeat.
 * Results equal the policy's own {@link GaussianMlpPolicy#outputDirectional},
 * {@link GaussianMlpPolicy#outputGradient} and {@link GaussianMlpPolicy#outputCostHessianVector}
 * bit for bit. Uses the calling thread's workspace of the policy; not thread-safe.
 */
public final class MlpLinearisation
{
    private final GaussianMlpPolicy policy;
    private final double[] theta;
    private final double[] observations;
    private final int n;
    /** [chunk][layer]: h_l of the chunk's rows (μ for the last layer). */
    private final double[][][] activations;
    /** [chunk][l − 1]: G_l W_l of the chunk's rows for the layers l ≥ 1, once computed for {@link #curvature}. */
    private double[][][] rawGradients;
    private OutputCurvature curvature;

    MlpLinearisation(GaussianMlpPolicy policy, double[] theta, double[] observations, int n)
    {
        this.policy = policy;
        this.theta = theta;
        this.observations = observations;
        this.n = n;
        int layers = policy.layerCount();
        int[] sizes = policy.layerSizes();
        int chunks = (n + GaussianMlpPolicy.CHUNK - 1) / GaussianMlpPolicy.CHUNK;
        this.activations = new double[chunks][layers][];
        MlpWorkspace ws = policy.workspace();
        for (int c = 0; c < chunks; c++) {
            int rows = rows(c);
            policy.forward(ws, theta, observations, c * GaussianMlpPolicy.CHUNK * policy.observationDimension(), rows);
            for (int l = 0; l < layers; l++) {
                activations[c][l] = Arrays.copyOf(ws.h[l], rows * sizes[l + 1]);
            }
        }
    }

    /** The number of rows n. */
    public int rows()
    {
        return n;
    }

    /** rMeans = (∂μ_θ(s_i)/∂θ) v, rLogStd = v_{log σ}: as {@link GaussianMlpPolicy#outputDirectional}. */
    public void outputDirectional(double[] v, double[] rMeans, double[] rLogStd)
    {
        policy.checkParameters(v, "v");
        policy.checkOutputs(rMeans, n, "rMeans");
        policy.checkActionVector(rLogStd, "rLogStd");
        MlpWorkspace ws = policy.workspace();
        double[][] own = ws.h.clone();
        int actions = policy.actionDimension();
        double[] rMu = ws.rh[policy.layerCount() - 1];
        try {
            for (int c = 0; c < activations.length; c++) {
                int rows = rows(c);
                int start = c * GaussianMlpPolicy.CHUNK;
                use(ws, c);
                policy.forwardDirectional(ws, theta, v, observations, start * policy.observationDimension(), rows);
                System.arraycopy(rMu, 0, rMeans, start * actions, rows * actions);
            }
        }
        finally {
            System.arraycopy(own, 0, ws.h, 0, own.length);
        }
        System.arraycopy(v, policy.logStdOffset(), rLogStd, 0, actions);
    }

    /** out = Σ_i gMeans_iᵀ ∂μ_θ(s_i)/∂θ + gLogStd in the log σ slots (overwritten): as {@link GaussianMlpPolicy#outputGradient}. */
    public void outputGradient(double[] gMeans, double[] gLogStd, double[] out)
    {
        policy.checkOutputs(gMeans, n, "gMeans");
        policy.checkActionVector(gLogStd, "gLogStd");
        policy.checkParameters(out, "out");
        MlpWorkspace ws = policy.workspace();
        double[][] own = ws.h.clone();
        Arrays.fill(out, 0);
        try {
            for (int c = 0; c < activations.length; c++) {
                int start = c * GaussianMlpPolicy.CHUNK;
                use(ws, c);
                policy.backward(ws, theta, observations, start * policy.observationDimension(), rows(c), gMeans, start * policy.actionDimension(), out);
            }
        }
        finally {
            System.arraycopy(own, 0, ws.h, 0, own.length);
        }
        System.arraycopy(gLogStd, 0, out, policy.logStdOffset(), policy.actionDimension());
    }

    /**
     * out = ∇²_θ c · v (overwritten) for a cost on the outputs: as
     * {@link GaussianMlpPolicy#outputCostHessianVector}. The output gradient g = ∂c/∂μ does not
     * depend on v, so the products G_l W_l it back-propagates to are kept from the first call with
     * {@code cost} and reused while the same cost object is passed; another cost recomputes them.
     *
     * @param rgLogStd actionDimension values, zeroed here and accumulated by {@code cost}
     */
    public void costHessianVector(OutputCurvature cost, double[] v, double[] rgLogStd, double[] out)
    {
        requireNonNull(cost, "cost is null");
        policy.checkParameters(v, "v");
        policy.checkActionVector(rgLogStd, "rgLogStd");
        policy.checkParameters(out, "out");
        boolean reuse = cost == curvature;
        if (!reuse && rawGradients == null) {
            rawGradients = rawBuffers();
        }
        MlpWorkspace ws = policy.workspace();
        double[][] own = ws.h.clone();
        Arrays.fill(out, 0);
        Arrays.fill(rgLogStd, 0);
        int last = policy.layerCount() - 1;
        double[] u = ws.rh[last];
        double[] gMu = ws.g[last];
        double[] rgMu = ws.rg[last];
        try {
            curvature = null;
            for (int c = 0; c < activations.length; c++) {
                int rows = rows(c);
                int start = c * GaussianMlpPolicy.CHUNK;
                int observationOffset = start * policy.observationDimension();
                use(ws, c);
                policy.forwardDirectional(ws, theta, v, observations, observationOffset, rows);
                cost.chunk(start, rows, activations[c][last], u, gMu, rgMu, rgLogStd);
                policy.backwardDirectional(ws, theta, v, observations, observationOffset, rows, gMu, 0, rgMu, 0, out, rawGradients[c], reuse);
            }
            curvature = cost;
        }
        finally {
            System.arraycopy(own, 0, ws.h, 0, own.length);
        }
        System.arraycopy(rgLogStd, 0, out, policy.logStdOffset(), policy.actionDimension());
    }

    private double[][][] rawBuffers()
    {
        int[] sizes = policy.layerSizes();
        int hidden = policy.layerCount() - 1;
        double[][][] buffers = new double[activations.length][hidden][];
        for (int c = 0; c < activations.length; c++) {
            for (int l = 1; l <= hidden; l++) {
                buffers[c][l - 1] = new double[rows(c) * sizes[l]];
            }
        }
        return buffers;
    }

    /** Points the workspace's layer outputs at chunk c's kept ones (restored by the caller). */
    private void use(MlpWorkspace ws, int c)
    {
        System.arraycopy(activations[c], 0, ws.h, 0, activations[c].length);
    }

    private int rows(int chunk)
    {
        return Math.min(GaussianMlpPolicy.CHUNK, n - chunk * GaussianMlpPolicy.CHUNK);
    }
}
