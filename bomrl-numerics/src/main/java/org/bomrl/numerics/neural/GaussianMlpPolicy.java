package org.bomrl.numerics.neural;

import org.bomrl.api.context.RandomSource;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.Arrays;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Gaussian MLP policy π_θ(a|s) = N(μ_θ(s), diag σ²) (spec §2.5, §5b): μ_θ(s) = z_{L−1} with
 * z_l = W_l x_l + b_l, x_0 = s, x_{l+1} = f(z_l) for the hidden layers (f = {@link Activation},
 * tanh by default) and a linear output layer; log σ is a state-independent parameter vector. With
 * no hidden layers this is the linear-Gaussian policy μ = W s + b. The score is
 * log π_θ(a|s) = Σ_d [−(a_d − μ_d)²/(2σ_d²) − log σ_d − ½ log 2π].
 *
 * <p><b>Parameter layout</b> (fixed): for each layer l = 0 … L−1 in order input → hidden → output
 * mean, the weights W_l (out_l × in_l, row-major) at {@link #weightOffset(int)}, then the bias b_l
 * (out_l values) at {@link #biasOffset(int)}; after the last layer log σ (actionDimension values)
 * at {@link #logStdOffset()}. With no hidden layers θ = [W (dAct×dObs), b (dAct), log σ (dAct)].
 *
 * <p><b>Derivatives</b> are exact: gradients by the backward pass, Hessian-vector products by the
 * R-operator (Pearlmutter 1994) of the forward and backward passes (forward-over-reverse), never
 * finite differences. Batches run in chunks of {@value #CHUNK} rows as dense matrix products
 * ({@link DenseKernels}) on per-thread workspaces; after warm-up no call allocates.
 *
 * <p>Immutable and thread-safe (per-thread workspaces); inputs are not modified, outputs go to
 * caller-owned arrays.
 */
public final class GaussianMlpPolicy
        implements GaussianPolicy
{
    /** log σ at initialisation (spec §5b: σ = e^{−0.7} ≈ 0.4966). */
    public static final double DEFAULT_INITIAL_LOG_STD = -0.7;
    /** The output mean layer's initial weights are scaled by this factor and its bias is zero (spec §5b). */
    public static final double OUTPUT_WEIGHT_SCALE = 0.1;
    /** Rows per chunk of the batched passes. */
    public static final int CHUNK = 256;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int observationDimension;
    private final int actionDimension;
    private final int[] hiddenSizes;
    private final Activation activation;
    private final double initialLogStd;
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int logStdOffset;
    private final int parameterCount;
    private final ThreadLocal<MlpWorkspace> workspaces;

    /**
     * @param hiddenSizes widths of the hidden layers in order (copied; empty for linear-Gaussian)
     * @param initialLogStd log σ of {@link #initialParameters}
     */
    public GaussianMlpPolicy(int observationDimension, int actionDimension, int[] hiddenSizes, Activation activation, double initialLogStd)
    {
        requireNonNull(hiddenSizes, "hiddenSizes is null");
        requireNonNull(activation, "activation is null");
        if (observationDimension < 1 || actionDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive: observation " + observationDimension + ", action " + actionDimension);
        }
        for (int l = 0; l < hiddenSizes.length; l++) {
            if (hiddenSizes[l] < 1) {
                throw new IllegalArgumentException("hidden layer " + l + " must have a positive width: " + hiddenSizes[l]);
            }
        }
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initial log-std must be finite: " + initialLogStd);
        }
        this.observationDimension = observationDimension;
        this.actionDimension = actionDimension;
        this.hiddenSizes = hiddenSizes.clone();
        this.activation = activation;
        this.initialLogStd = initialLogStd;
        int layers = hiddenSizes.length + 1;
        this.sizes = new int[layers + 1];
        sizes[0] = observationDimension;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[layers] = actionDimension;
        this.weightOffsets = new int[layers];
        this.biasOffsets = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = (int) offset;
            offset += (long) sizes[l + 1] * sizes[l];
            biasOffsets[l] = (int) offset;
            offset += sizes[l + 1];
            if (offset > Integer.MAX_VALUE - actionDimension) {
                throw new IllegalArgumentException("too many parameters for an array: layer sizes " + Arrays.toString(sizes));
            }
        }
        this.logStdOffset = (int) offset;
        this.parameterCount = (int) offset + actionDimension;
        int[] layerSizes = sizes;
        this.workspaces = ThreadLocal.withInitial(() -> new MlpWorkspace(layerSizes, CHUNK));
    }

    /** The spec §5b policy shape: tanh hidden layers, log σ₀ = {@value #DEFAULT_INITIAL_LOG_STD}. */
    public static GaussianMlpPolicy tanh(int observationDimension, int actionDimension, int... hiddenSizes)
    {
        return new GaussianMlpPolicy(observationDimension, actionDimension, hiddenSizes, Activation.TANH, DEFAULT_INITIAL_LOG_STD);
    }

    @Override
    public String name()
    {
        if (hiddenSizes.length == 0) {
            return "gaussian-mlp(linear)";
        }
        StringBuilder name = new StringBuilder("gaussian-mlp(");
        for (int width : hiddenSizes) {
            name.append(width).append(',');
        }
        return name.append(activation.name().toLowerCase(java.util.Locale.ROOT)).append(')').toString();
    }

    @Override
    public int parameterCount()
    {
        return parameterCount;
    }

    @Override
    public int observationDimension()
    {
        return observationDimension;
    }

    @Override
    public int actionDimension()
    {
        return actionDimension;
    }

    /** L, the number of affine layers (hidden layers + 1). */
    public int layerCount()
    {
        return sizes.length - 1;
    }

    /** in_l, the input width of layer l. */
    public int layerInputSize(int layer)
    {
        checkLayer(layer);
        return sizes[layer];
    }

    /** out_l, the output width of layer l. */
    public int layerOutputSize(int layer)
    {
        checkLayer(layer);
        return sizes[layer + 1];
    }

    /** Offset of W_l (out_l × in_l, row-major) in θ. */
    public int weightOffset(int layer)
    {
        checkLayer(layer);
        return weightOffsets[layer];
    }

    /** Offset of b_l (out_l values) in θ. */
    public int biasOffset(int layer)
    {
        checkLayer(layer);
        return biasOffsets[layer];
    }

    /** Offset of log σ (actionDimension values) in θ: the last values. */
    public int logStdOffset()
    {
        return logStdOffset;
    }

    /** A copy of the hidden-layer widths. */
    public int[] hiddenSizes()
    {
        return hiddenSizes.clone();
    }

    public Activation activation()
    {
        return activation;
    }

    public double initialLogStd()
    {
        return initialLogStd;
    }

    /**
     * θ₀ (spec §5b): every layer as PyTorch's default {@code nn.Linear}, weights then bias each
     * U(−1/√in_l, 1/√in_l), drawn in parameter order from {@code random.generator()}; the output
     * layer's weights are then scaled by {@value #OUTPUT_WEIGHT_SCALE} and its bias set to 0 (not
     * drawn); log σ = {@link #initialLogStd()}.
     */
    @Override
    public double[] initialParameters(RandomSource random)
    {
        requireNonNull(random, "random is null");
        SplittableRandom generator = random.generator();
        double[] theta = new double[parameterCount];
        int layers = layerCount();
        for (int l = 0; l < layers; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            boolean output = l == layers - 1;
            int weights = sizes[l + 1] * sizes[l];
            for (int i = 0; i < weights; i++) {
                double w = generator.nextDouble(-bound, bound);
                theta[weightOffsets[l] + i] = output ? OUTPUT_WEIGHT_SCALE * w : w;
            }
            if (!output) {
                for (int i = 0; i < sizes[l + 1]; i++) {
                    theta[biasOffsets[l] + i] = generator.nextDouble(-bound, bound);
                }
            }
        }
        Arrays.fill(theta, logStdOffset, parameterCount, initialLogStd);
        return theta;
    }

    /**
     * a = μ_θ(s) + σ ε with ε ∼ N(0, I) from Marsaglia's polar method on {@code random.nextDouble()}
     * (pairs (u, v) uniform on (−1, 1)² accepted when 0 &lt; s = u² + v² &lt; 1, giving
     * u√(−2 ln s / s) and v√(−2 ln s / s); an odd last value's partner is discarded). Returns
     * log π_θ(a|s) = Σ_d (−ε_d²/2 − log σ_d − ½ log 2π).
     */
    @Override
    public double sample(double[] theta, double[] observation, SplittableRandom random, double[] action)
    {
        checkTheta(theta);
        checkLength(observation, observationDimension, "observation");
        checkLength(action, actionDimension, "action");
        requireNonNull(random, "random is null");
        MlpWorkspace ws = workspaces.get();
        forward(ws, theta, observation, 0, 1);
        return draw(ws, theta, ws.h[layerCount() - 1], 0, random, action, 0);
    }

    /**
     * {@link #sample} for {@code rows} states at once, row r with its own generator
     * {@code generators[r]}: one batched forward pass per chunk, then per row exactly the draws and
     * arithmetic of {@link #sample} (a row's mean does not depend on the other rows, see
     * {@link DenseKernels}), so each row's action, log-probability and generator state equal those
     * of a {@link #sample} call on that row alone.
     *
     * @param observations rows × observationDimension values, row-major (only the first rows are read)
     * @param actions rows × actionDimension values (written)
     * @param logProbabilities rows values (written)
     */
    public void sampleRows(double[] theta, double[] observations, int rows, SplittableRandom[] generators, double[] actions, double[] logProbabilities)
    {
        checkTheta(theta);
        requireNonNull(observations, "observations is null");
        requireNonNull(generators, "generators is null");
        requireNonNull(actions, "actions is null");
        requireNonNull(logProbabilities, "logProbabilities is null");
        if (rows < 0 || observations.length < rows * observationDimension || generators.length < rows || actions.length < rows * actionDimension
                || logProbabilities.length < rows) {
            throw new IllegalArgumentException("rows = " + rows + " needs " + rows * observationDimension + " observation values, " + rows + " generators, "
                    + rows * actionDimension + " action values and " + rows + " log-probabilities");
        }
        MlpWorkspace ws = workspaces.get();
        double[] mu = ws.h[layerCount() - 1];
        for (int start = 0; start < rows; start += CHUNK) {
            int count = Math.min(CHUNK, rows - start);
            forward(ws, theta, observations, start * observationDimension, count);
            for (int i = 0; i < count; i++) {
                int row = start + i;
                logProbabilities[row] = draw(ws, theta, mu, i * actionDimension, requireNonNull(generators[row], "generator is null"), actions, row * actionDimension);
            }
        }
    }

    /** action = μ + σ ε with ε from Marsaglia's polar method (see {@link #sample}); returns log π_θ(a|s). */
    private double draw(MlpWorkspace ws, double[] theta, double[] mu, int muOffset, SplittableRandom random, double[] action, int actionOffset)
    {
        double[] eps = ws.noise;
        for (int d = 0; d < actionDimension; d += 2) {
            double u;
            double v;
            double s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            }
            while (s >= 1 || s == 0);
            double scale = Math.sqrt(-2 * Math.log(s) / s);
            eps[d] = u * scale;
            eps[d + 1] = v * scale;
        }
        double logProbability = 0;
        for (int d = 0; d < actionDimension; d++) {
            double logStd = theta[logStdOffset + d];
            action[actionOffset + d] = mu[muOffset + d] + Math.exp(logStd) * eps[d];
            logProbability += -0.5 * eps[d] * eps[d] - logStd - HALF_LOG_TWO_PI;
        }
        return logProbability;
    }

    @Override
    public double logProbability(double[] theta, double[] observation, double[] action)
    {
        checkTheta(theta);
        checkLength(observation, observationDimension, "observation");
        checkLength(action, actionDimension, "action");
        MlpWorkspace ws = workspaces.get();
        double logNormaliser = prepareStd(ws, theta);
        forward(ws, theta, observation, 0, 1);
        double[] mu = ws.h[layerCount() - 1];
        double sum = 0;
        for (int d = 0; d < actionDimension; d++) {
            double z = (action[d] - mu[d]) * ws.invStd[d];
            sum += z * z;
        }
        return -0.5 * sum - logNormaliser;
    }

    @Override
    public void logProbabilities(double[] theta, TrajectoryBatch batch, double[] out)
    {
        checkTheta(theta);
        checkBatch(batch);
        int n = batch.steps();
        checkLength(out, n, "out");
        MlpWorkspace ws = workspaces.get();
        double logNormaliser = prepareStd(ws, theta);
        double[] mu = ws.h[layerCount() - 1];
        double[] actions = batch.actions();
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            forward(ws, theta, batch.observations(), start * observationDimension, rows);
            for (int i = 0; i < rows; i++) {
                int a = (start + i) * actionDimension;
                int m = i * actionDimension;
                double sum = 0;
                for (int d = 0; d < actionDimension; d++) {
                    double z = (actions[a + d] - mu[m + d]) * ws.invStd[d];
                    sum += z * z;
                }
                out[start + i] = -0.5 * sum - logNormaliser;
            }
        }
    }

    /**
     * out = Σ_i w_i ∇_θ ℓ_i with ∂ℓ_i/∂μ_d = (a_d − μ_d)/σ_d² back-propagated through the network and
     * ∂ℓ_i/∂log σ_d = (a_d − μ_d)²/σ_d² − 1.
     */
    @Override
    public void scoreGradient(double[] theta, TrajectoryBatch batch, double[] weights, double[] out, double[] logProbabilities)
    {
        checkTheta(theta);
        checkBatch(batch);
        int n = batch.steps();
        checkLength(weights, n, "weights");
        checkLength(out, parameterCount, "out");
        if (logProbabilities != null) {
            checkLength(logProbabilities, n, "logProbabilities");
        }
        MlpWorkspace ws = workspaces.get();
        double logNormaliser = prepareStd(ws, theta);
        Arrays.fill(out, 0);
        double[] gLogStd = ws.logStdGradient;
        Arrays.fill(gLogStd, 0);
        int last = layerCount() - 1;
        double[] mu = ws.h[last];
        double[] gMu = ws.g[last];
        double[] actions = batch.actions();
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            int observationOffset = start * observationDimension;
            forward(ws, theta, batch.observations(), observationOffset, rows);
            for (int i = 0; i < rows; i++) {
                double w = weights[start + i];
                int a = (start + i) * actionDimension;
                int m = i * actionDimension;
                double sum = 0;
                for (int d = 0; d < actionDimension; d++) {
                    double inv = ws.invStd[d];
                    double z = (actions[a + d] - mu[m + d]) * inv;
                    sum += z * z;
                    gMu[m + d] = w * z * inv;
                    gLogStd[d] += w * (z * z - 1);
                }
                if (logProbabilities != null) {
                    logProbabilities[start + i] = -0.5 * sum - logNormaliser;
                }
            }
            backward(ws, theta, batch.observations(), observationOffset, rows, gMu, 0, out);
        }
        System.arraycopy(gLogStd, 0, out, logStdOffset, actionDimension);
    }

    /**
     * The exact Hessian-vector product of Σ_i f_i(ℓ_i): with u_i = (∂μ(s_i)/∂θ)v, r = v_{log σ},
     * z = (a − μ)/σ and q_i = ∇ℓ_i·v = Σ_d z_d u_d/σ_d + (z_d² − 1) r_d, the output-space second
     * derivatives ∂²ℓ/∂μ_d² = −1/σ_d², ∂²ℓ/∂μ_d∂log σ_d = −2z_d/σ_d, ∂²ℓ/∂(log σ_d)² = −2z_d² are
     * contracted and passed through {@link #outputHessianVector}'s R-backward pass.
     */
    @Override
    public void scoreHessianVector(double[] theta, TrajectoryBatch batch, double[] first, double[] second, double[] v, double[] out)
    {
        checkTheta(theta);
        checkBatch(batch);
        int n = batch.steps();
        checkLength(first, n, "first");
        checkLength(second, n, "second");
        checkLength(v, parameterCount, "v");
        checkLength(out, parameterCount, "out");
        MlpWorkspace ws = workspaces.get();
        prepareStd(ws, theta);
        Arrays.fill(out, 0);
        double[] rgLogStd = ws.logStdGradient;
        Arrays.fill(rgLogStd, 0);
        int last = layerCount() - 1;
        double[] mu = ws.h[last];
        double[] u = ws.rh[last];
        double[] gMu = ws.g[last];
        double[] rgMu = ws.rg[last];
        double[] actions = batch.actions();
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            int observationOffset = start * observationDimension;
            forward(ws, theta, batch.observations(), observationOffset, rows);
            forwardDirectional(ws, theta, v, batch.observations(), observationOffset, rows);
            for (int i = 0; i < rows; i++) {
                double f1 = first[start + i];
                double f2 = second[start + i];
                int a = (start + i) * actionDimension;
                int m = i * actionDimension;
                double q = 0;
                for (int d = 0; d < actionDimension; d++) {
                    double inv = ws.invStd[d];
                    double z = (actions[a + d] - mu[m + d]) * inv;
                    q += z * inv * u[m + d] + (z * z - 1) * v[logStdOffset + d];
                }
                for (int d = 0; d < actionDimension; d++) {
                    double inv = ws.invStd[d];
                    double z = (actions[a + d] - mu[m + d]) * inv;
                    double r = v[logStdOffset + d];
                    double um = u[m + d];
                    gMu[m + d] = f1 * z * inv;
                    rgMu[m + d] = f2 * q * z * inv + f1 * (-um * inv * inv - 2 * z * inv * r);
                    rgLogStd[d] += f2 * q * (z * z - 1) + f1 * (-2 * z * inv * um - 2 * z * z * r);
                }
            }
            backwardDirectional(ws, theta, v, batch.observations(), observationOffset, rows, gMu, 0, rgMu, 0, out);
        }
        System.arraycopy(rgLogStd, 0, out, logStdOffset, actionDimension);
    }

    @Override
    public void outputs(double[] theta, double[] observations, int n, double[] means, double[] logStd)
    {
        checkTheta(theta);
        checkRows(observations, n);
        checkLength(means, n * actionDimension, "means");
        checkLength(logStd, actionDimension, "logStd");
        MlpWorkspace ws = workspaces.get();
        double[] mu = ws.h[layerCount() - 1];
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            forward(ws, theta, observations, start * observationDimension, rows);
            System.arraycopy(mu, 0, means, start * actionDimension, rows * actionDimension);
        }
        System.arraycopy(theta, logStdOffset, logStd, 0, actionDimension);
    }

    @Override
    public void outputGradient(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] out)
    {
        checkTheta(theta);
        checkRows(observations, n);
        checkLength(gMeans, n * actionDimension, "gMeans");
        checkLength(gLogStd, actionDimension, "gLogStd");
        checkLength(out, parameterCount, "out");
        MlpWorkspace ws = workspaces.get();
        Arrays.fill(out, 0);
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            forward(ws, theta, observations, start * observationDimension, rows);
            backward(ws, theta, observations, start * observationDimension, rows, gMeans, start * actionDimension, out);
        }
        System.arraycopy(gLogStd, 0, out, logStdOffset, actionDimension);
    }

    /**
     * One forward and one backward pass for a cost on the outputs: per chunk of rows, the forward
     * pass gives μ_θ(s_i), {@code cost} returns its part of c and the output gradient, and the
     * backward pass adds J_θᵀ ∂c/∂μ to {@code out}; at the end out[log σ] = Σ ∂c/∂log σ. Equals
     * {@link #outputs} followed by {@link #outputGradient} with the same output gradients.
     *
     * @param gLogStd actionDimension values, zeroed here and accumulated by {@code cost}
     * @param out ∇_θ c (overwritten)
     * @return c = Σ over the chunks of {@link OutputCost#chunk}, in row order
     */
    public double outputCostGradient(double[] theta, double[] observations, int n, OutputCost cost, double[] gLogStd, double[] out)
    {
        checkTheta(theta);
        checkRows(observations, n);
        requireNonNull(cost, "cost is null");
        checkLength(gLogStd, actionDimension, "gLogStd");
        checkLength(out, parameterCount, "out");
        MlpWorkspace ws = workspaces.get();
        Arrays.fill(out, 0);
        Arrays.fill(gLogStd, 0);
        int last = layerCount() - 1;
        double[] mu = ws.h[last];
        double[] gMu = ws.g[last];
        double value = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            int observationOffset = start * observationDimension;
            forward(ws, theta, observations, observationOffset, rows);
            value += cost.chunk(start, rows, mu, gMu, gLogStd);
            backward(ws, theta, observations, observationOffset, rows, gMu, 0, out);
        }
        System.arraycopy(gLogStd, 0, out, logStdOffset, actionDimension);
        return value;
    }

    /**
     * The exact Hessian-vector product of a cost on the outputs in one pass: per chunk of rows, the
     * forward and directional forward passes give μ and u = (∂μ/∂θ) v, {@code cost} gives the
     * output-space g and rg, and the R-backward pass adds Σ_i [g_iᵀ ∇²μ(s_i) v + rg_iᵀ ∂μ(s_i)/∂θ]
     * to {@code out}; at the end out[log σ] = Σ rg_{log σ} (log σ is linear in θ). Equals
     * {@link #outputs}, {@link #outputDirectional} and {@link #outputHessianVector} with the same
     * output-space vectors.
     *
     * @param rgLogStd actionDimension values, zeroed here and accumulated by {@code cost}
     * @param out ∇²c · v (overwritten)
     */
    public void outputCostHessianVector(double[] theta, double[] observations, int n, OutputCurvature cost, double[] v, double[] rgLogStd, double[] out)
    {
        checkTheta(theta);
        checkRows(observations, n);
        requireNonNull(cost, "cost is null");
        checkLength(v, parameterCount, "v");
        checkLength(rgLogStd, actionDimension, "rgLogStd");
        checkLength(out, parameterCount, "out");
        MlpWorkspace ws = workspaces.get();
        Arrays.fill(out, 0);
        Arrays.fill(rgLogStd, 0);
        int last = layerCount() - 1;
        double[] mu = ws.h[last];
        double[] u = ws.rh[last];
        double[] gMu = ws.g[last];
        double[] rgMu = ws.rg[last];
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            int observationOffset = start * observationDimension;
            forward(ws, theta, observations, observationOffset, rows);
            forwardDirectional(ws, theta, v, observations, observationOffset, rows);
            cost.chunk(start, rows, mu, u, gMu, rgMu, rgLogStd);
            backwardDirectional(ws, theta, v, observations, observationOffset, rows, gMu, 0, rgMu, 0, out);
        }
        System.arraycopy(rgLogStd, 0, out, logStdOffset, actionDimension);
    }

    /**
     * The network linearised at θ on n fixed observations: its forward pass is run once and kept,
     * so that repeated Jacobian–vector, vector–Jacobian and cost Hessian-vector products at the same
     * θ (conjugate-gradient solves, spec §3.5 steps 6 and 8) skip it. Results equal the
     * corresponding methods of this policy bit for bit. Keeps about n·(Σ hidden + actions) doubles,
     * and as many again once {@link MlpLinearisation#costHessianVector} has run.
     *
     * @param theta copied
     * @param observations n rows, not copied: must not change while the linearisation is used
     */
    public MlpLinearisation linearise(double[] theta, double[] observations, int n)
    {
        checkTheta(theta);
        checkRows(observations, n);
        return new MlpLinearisation(this, theta.clone(), observations, n);
    }

    @Override
    public void outputDirectional(double[] theta, double[] observations, int n, double[] v, double[] rMeans, double[] rLogStd)
    {
        checkTheta(theta);
        checkRows(observations, n);
        checkLength(v, parameterCount, "v");
        checkLength(rMeans, n * actionDimension, "rMeans");
        checkLength(rLogStd, actionDimension, "rLogStd");
        MlpWorkspace ws = workspaces.get();
        double[] rMu = ws.rh[layerCount() - 1];
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            forward(ws, theta, observations, start * observationDimension, rows);
            forwardDirectional(ws, theta, v, observations, start * observationDimension, rows);
            System.arraycopy(rMu, 0, rMeans, start * actionDimension, rows * actionDimension);
        }
        System.arraycopy(v, logStdOffset, rLogStd, 0, actionDimension);
    }

    @Override
    public void outputHessianVector(double[] theta, double[] observations, int n, double[] gMeans, double[] gLogStd, double[] rgMeans, double[] rgLogStd,
            double[] v, double[] out)
    {
        checkTheta(theta);
        checkRows(observations, n);
        checkLength(gMeans, n * actionDimension, "gMeans");
        checkLength(gLogStd, actionDimension, "gLogStd");
        checkLength(rgMeans, n * actionDimension, "rgMeans");
        checkLength(rgLogStd, actionDimension, "rgLogStd");
        checkLength(v, parameterCount, "v");
        checkLength(out, parameterCount, "out");
        MlpWorkspace ws = workspaces.get();
        Arrays.fill(out, 0);
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            int observationOffset = start * observationDimension;
            forward(ws, theta, observations, observationOffset, rows);
            forwardDirectional(ws, theta, v, observations, observationOffset, rows);
            backwardDirectional(ws, theta, v, observations, observationOffset, rows, gMeans, start * actionDimension, rgMeans, start * actionDimension, out);
        }
        System.arraycopy(rgLogStd, 0, out, logStdOffset, actionDimension);
    }

    /** Fills ws.invStd with 1/σ_d and returns Σ_d (log σ_d + ½ log 2π). */
    private double prepareStd(MlpWorkspace ws, double[] theta)
    {
        double logNormaliser = 0;
        for (int d = 0; d < actionDimension; d++) {
            double logStd = theta[logStdOffset + d];
            ws.invStd[d] = Math.exp(-logStd);
            logNormaliser += logStd + HALF_LOG_TWO_PI;
        }
        return logNormaliser;
    }

    /** h_l for the rows of one chunk: z_l = x_l W_lᵀ + b_l, h_l = f(z_l) for hidden layers, μ = z_{L−1}. */
    void forward(MlpWorkspace ws, double[] theta, double[] observations, int observationOffset, int rows)
    {
        int layers = layerCount();
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] x = l == 0 ? observations : ws.h[l - 1];
            int xOffset = l == 0 ? observationOffset : 0;
            double[] h = ws.h[l];
            fillRows(h, rows, theta, biasOffsets[l], out);
            ws.kernels.multiplyTransposeB(x, xOffset, theta, weightOffsets[l], h, 0, rows, in, out);
            if (l < layers - 1) {
                activate(h, rows * out);
            }
        }
    }

    /** R(h_l) = f'(z_l) ⊙ (R(x_l) W_lᵀ + x_l V_lᵀ + c_l) for direction v = (V, c), R(x_0) = 0. */
    void forwardDirectional(MlpWorkspace ws, double[] theta, double[] v, double[] observations, int observationOffset, int rows)
    {
        int layers = layerCount();
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] x = l == 0 ? observations : ws.h[l - 1];
            int xOffset = l == 0 ? observationOffset : 0;
            double[] rh = ws.rh[l];
            fillRows(rh, rows, v, biasOffsets[l], out);
            ws.kernels.multiplyTransposeB(x, xOffset, v, weightOffsets[l], rh, 0, rows, in, out);
            if (l > 0) {
                ws.kernels.multiplyTransposeB(ws.rh[l - 1], 0, theta, weightOffsets[l], rh, 0, rows, in, out);
            }
            if (l < layers - 1) {
                double[] h = ws.h[l];
                int count = rows * out;
                if (activation == Activation.TANH) {
                    for (int i = 0; i < count; i++) {
                        rh[i] *= 1 - h[i] * h[i];
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        rh[i] = h[i] > 0 ? rh[i] : 0;
                    }
                }
            }
        }
    }

    /**
     * out += Σ_rows gᵀ ∂μ/∂θ (weights and biases): ∂W_l = G_lᵀ x_l, ∂b_l = Σ_rows G_l,
     * G_{l−1} = f'(z_{l−1}) ⊙ G_l W_l, starting from G_{L−1} = g.
     */
    void backward(MlpWorkspace ws, double[] theta, double[] observations, int observationOffset, int rows, double[] gLast, int gLastOffset,
            double[] out)
    {
        double[] g = gLast;
        int gOffset = gLastOffset;
        for (int l = layerCount() - 1; l >= 0; l--) {
            int in = sizes[l];
            int width = sizes[l + 1];
            double[] x = l == 0 ? observations : ws.h[l - 1];
            int xOffset = l == 0 ? observationOffset : 0;
            ws.kernels.multiplyTransposeA(g, gOffset, x, xOffset, out, weightOffsets[l], width, rows, in);
            addColumnSums(g, gOffset, rows, width, out, biasOffsets[l]);
            if (l > 0) {
                double[] gh = ws.g[l - 1];
                Arrays.fill(gh, 0, rows * in, 0);
                ws.kernels.multiply(g, gOffset, theta, weightOffsets[l], gh, 0, rows, width, in);
                double[] h = ws.h[l - 1];
                int count = rows * in;
                if (activation == Activation.TANH) {
                    for (int i = 0; i < count; i++) {
                        gh[i] *= 1 - h[i] * h[i];
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        gh[i] = h[i] > 0 ? gh[i] : 0;
                    }
                }
                g = gh;
                gOffset = 0;
            }
        }
    }

    /**
     * The R-operator of {@link #backward} (needs {@link #forward} and {@link #forwardDirectional}
     * for the chunk): out += R(∂W_l) = R(G_l)ᵀ x_l + G_lᵀ R(x_l), R(∂b_l) = Σ_rows R(G_l), with
     * G_{l−1} = f' ⊙ G_l W_l and R(G_{l−1}) = f' ⊙ (R(G_l) W_l + G_l V_l) + R(f') ⊙ G_l W_l, where
     * R(f') = f''(z) R(z) = −2h ⊙ R(h) for tanh and 0 for relu.
     */
    private void backwardDirectional(MlpWorkspace ws, double[] theta, double[] v, double[] observations, int observationOffset, int rows,
            double[] gLast, int gLastOffset, double[] rgLast, int rgLastOffset, double[] out)
    {
        backwardDirectional(ws, theta, v, observations, observationOffset, rows, gLast, gLastOffset, rgLast, rgLastOffset, out, null, false);
    }

    /**
     * {@link #backwardDirectional} that keeps the v-independent products G_l W_l (before f') of
     * the chunk in {@code rawGradients[l − 1]} ({@code reuse} false) or reads them from there
     * instead of multiplying ({@code reuse} true): the same arithmetic either way.
     */
    void backwardDirectional(MlpWorkspace ws, double[] theta, double[] v, double[] observations, int observationOffset, int rows,
            double[] gLast, int gLastOffset, double[] rgLast, int rgLastOffset, double[] out, double[][] rawGradients, boolean reuse)
    {
        double[] g = gLast;
        int gOffset = gLastOffset;
        double[] rg = rgLast;
        int rgOffset = rgLastOffset;
        DenseKernels kernels = ws.kernels;
        for (int l = layerCount() - 1; l >= 0; l--) {
            int in = sizes[l];
            int width = sizes[l + 1];
            double[] x = l == 0 ? observations : ws.h[l - 1];
            int xOffset = l == 0 ? observationOffset : 0;
            kernels.multiplyTransposeA(rg, rgOffset, x, xOffset, out, weightOffsets[l], width, rows, in);
            if (l > 0) {
                kernels.multiplyTransposeA(g, gOffset, ws.rh[l - 1], 0, out, weightOffsets[l], width, rows, in);
            }
            addColumnSums(rg, rgOffset, rows, width, out, biasOffsets[l]);
            if (l > 0) {
                double[] gh = ws.g[l - 1];
                double[] rgh = ws.rg[l - 1];
                int count = rows * in;
                Arrays.fill(rgh, 0, count, 0);
                if (reuse) {
                    System.arraycopy(rawGradients[l - 1], 0, gh, 0, count);
                }
                else {
                    Arrays.fill(gh, 0, count, 0);
                    kernels.multiply(g, gOffset, theta, weightOffsets[l], gh, 0, rows, width, in);
                    if (rawGradients != null) {
                        System.arraycopy(gh, 0, rawGradients[l - 1], 0, count);
                    }
                }
                kernels.multiply(rg, rgOffset, theta, weightOffsets[l], rgh, 0, rows, width, in);
                kernels.multiply(g, gOffset, v, weightOffsets[l], rgh, 0, rows, width, in);
                double[] h = ws.h[l - 1];
                double[] rh = ws.rh[l - 1];
                if (activation == Activation.TANH) {
                    for (int i = 0; i < count; i++) {
                        double hi = h[i];
                        double d = 1 - hi * hi;
                        rgh[i] = d * rgh[i] - 2 * hi * rh[i] * gh[i];
                        gh[i] *= d;
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        if (!(h[i] > 0)) {
                            gh[i] = 0;
                            rgh[i] = 0;
                        }
                    }
                }
                g = gh;
                gOffset = 0;
                rg = rgh;
                rgOffset = 0;
            }
        }
    }

    private void activate(double[] z, int count)
    {
        if (activation == Activation.TANH) {
            Activation.tanhInPlace(z, 0, count);
        }
        else {
            for (int i = 0; i < count; i++) {
                z[i] = Math.max(z[i], 0);
            }
        }
    }

    private static void fillRows(double[] target, int rows, double[] source, int sourceOffset, int width)
    {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(source, sourceOffset, target, i * width, width);
        }
    }

    private static void addColumnSums(double[] g, int gOffset, int rows, int width, double[] out, int outOffset)
    {
        for (int i = 0; i < rows; i++) {
            int gi = gOffset + i * width;
            for (int j = 0; j < width; j++) {
                out[outOffset + j] += g[gi + j];
            }
        }
    }

    MlpWorkspace workspace()
    {
        return workspaces.get();
    }

    int[] layerSizes()
    {
        return sizes;
    }

    void checkParameters(double[] x, String name)
    {
        checkLength(x, parameterCount, name);
    }

    void checkOutputs(double[] x, int n, String name)
    {
        checkLength(x, n * actionDimension, name);
    }

    void checkActionVector(double[] x, String name)
    {
        checkLength(x, actionDimension, name);
    }

    private void checkTheta(double[] theta)
    {
        checkLength(theta, parameterCount, "theta");
    }

    private void checkRows(double[] observations, int n)
    {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative: " + n);
        }
        checkLength(observations, n * observationDimension, "observations");
    }

    private void checkBatch(TrajectoryBatch batch)
    {
        requireNonNull(batch, "batch is null");
        if (batch.observationDimension() != observationDimension || batch.actionDimension() != actionDimension) {
            throw new IllegalArgumentException("batch dimensions (observation " + batch.observationDimension() + ", action " + batch.actionDimension()
                    + ") do not match the policy's (" + observationDimension + ", " + actionDimension + ")");
        }
    }

    private void checkLayer(int layer)
    {
        if (layer < 0 || layer >= layerCount()) {
            throw new IllegalArgumentException("layer must be in [0, " + layerCount() + "): " + layer);
        }
    }

    private static void checkLength(double[] x, int length, String name)
    {
        requireNonNull(x, name + " is null");
        if (x.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " entries: " + x.length);
        }
    }

    @Override
    public String toString()
    {
        return name() + "[" + observationDimension + "→" + actionDimension + ", " + parameterCount + " parameters]";
    }
}
