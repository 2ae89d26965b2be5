package org.bomrl.core.adapt;

import org.bomrl.api.adapt.AdaptationResult;
import org.bomrl.api.adapt.GaussianAdaptation;
import org.bomrl.api.adapt.MetaGradient;
import org.bomrl.api.data.TrajectoryBatch;
import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.bomrl.numerics.neural.MlpLinearisation;
import org.bomrl.numerics.neural.OutputCost;
import org.bomrl.numerics.neural.OutputCurvature;
import org.bomrl.numerics.optim.Adam;
import org.bomrl.numerics.optim.ConjugateGradient;
import org.bomrl.numerics.optim.ConjugateGradientResult;

/**
 * Neural BO-MRL (spec §2.5, §3.5), Alg(1)/(2)/(3) by the distance D:
 * <ul>
 * <li>lower level: θ ← φ, then Adam(lr) for at most K steps on g(θ) = L(θ)/λ + D(θ, φ) with the
 * smoothed surrogate L of {@link SmoothedSurrogate}, stopping early when D(θ, φ) &gt; D_max
 * (checked before each step);</li>
 * <li>hypergradient (*) of spec §3.2: x = CG(H, −∇_θJ(θ*)), H = ∇²_θθ(D + L/λ) applied as an
 * exact Hessian-vector product on the pre-adaptation batch (when CG meets negative curvature, the
 * iterate before it unless {@code cg_negative_curvature = fail}), and h = ∇²_φθ D · x; the task's
 * outer surrogate is ℓ(φ') = −∇_θ D(φ', θ*)·x.</li>
 * </ul>
 * For the Gaussian KL distances both the lower level and the CG's Hessian-vector products run
 * fused on the policy's outputs ({@link InnerObjective}: one forward and one backward pass per Adam
 * step, one forward, directional and R-backward pass per product), equal to the composition of the
 * distance's and the policy's own derivatives up to rounding; other distances use that composition.
 * Immutable and thread-safe.
 */
final class GaussianBomrl
        implements GaussianAdaptation
{
    private final GaussianDistance distance;
    private final GaussianBomrlSettings settings;

    GaussianBomrl(GaussianDistance distance, GaussianBomrlSettings settings)
    {
        this.distance = distance;
        this.settings = settings;
    }

    @Override
    public AdaptationResult adapt(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        InnerObjective fused = InnerObjective.recognise(distance, policy, phi, batch, advantages, 1 / settings.lambda());
        return fused == null ? adaptComposed(policy, phi, batch, advantages) : adaptFused(policy, phi, batch, fused);
    }

    /**
     * The lower level as the composition of the distance's and the policy's own derivatives (per
     * step: D, the scores, ∇L from the score gradient, ∇D from the distance): the reference for
     * {@link #adaptFused}, and the path of every distance that is not one of the Gaussian KLs.
     */
    AdaptationResult adaptComposed(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages)
    {
        int n = batch.steps();
        double[] observations = batch.observations();
        double[] theta = phi.clone();
        double[] scores = new double[n];
        double[] weights = new double[n];
        double[] gradient = new double[theta.length];
        double[] distanceGradient = new double[theta.length];
        Adam adam = new Adam(theta.length, settings.innerLearningRate());
        double lambda = settings.lambda();
        double d = 0;
        for (int k = 0; k < settings.innerSteps(); k++) {
            d = distance.value(policy, theta, phi, observations, n);
            checkDistance(d, k, batch);
            if (d > settings.maxDistance()) {
                return new AdaptationResult(theta, k, d, "distance > " + settings.maxDistance());
            }
            policy.logProbabilities(theta, batch, scores);
            SmoothedSurrogate.derivatives(scores, batch.dataLogProbabilities(), advantages, 1 / lambda, weights, null);
            policy.scoreGradient(theta, batch, weights, gradient, null);
            distance.gradientTheta(policy, theta, phi, observations, n, distanceGradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -(gradient[i] + distanceGradient[i]);
            }
            checkGradient(gradient, k, batch);
            adam.step(theta, gradient);
        }
        d = distance.value(policy, theta, phi, observations, n);
        return new AdaptationResult(theta, settings.innerSteps(), d, "iterations");
    }

    /**
     * The same lower level with D(θ, φ) and ∇_θ(L/λ + D) from one pass over the outputs of π_θ
     * (both depend on θ only through μ_θ(s_i) and log σ_θ; the prior's outputs are computed once):
     * one forward and one backward pass per step on a {@link GaussianMlpPolicy}, one
     * {@link GaussianPolicy#outputs} and one {@link GaussianPolicy#outputGradient} otherwise.
     */
    AdaptationResult adaptFused(GaussianPolicy policy, double[] phi, TrajectoryBatch batch, InnerObjective objective)
    {
        int n = batch.steps();
        double[] observations = batch.observations();
        double[] theta = phi.clone();
        double[] gradient = new double[theta.length];
        Adam adam = new Adam(theta.length, settings.innerLearningRate());
        GaussianMlpPolicy mlp = policy instanceof GaussianMlpPolicy network ? network : null;
        double d = 0;
        for (int k = 0; k < settings.innerSteps(); k++) {
            d = objective.valueAndGradient(policy, mlp, theta, observations, n, gradient);
            checkDistance(d, k, batch);
            if (d > settings.maxDistance()) {
                return new AdaptationResult(theta, k, d, "distance > " + settings.maxDistance());
            }
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            checkGradient(gradient, k, batch);
            adam.step(theta, gradient);
        }
        d = objective.distance(policy, theta, observations);
        return new AdaptationResult(theta, settings.innerSteps(), d, "iterations");
    }

    private static void checkDistance(double d, int k, TrajectoryBatch batch)
    {
        if (!Double.isFinite(d)) {
            throw new ArithmeticException("lower level, inner step " + k + ", task " + batch.taskId() + ": D(θ, φ) is " + d);
        }
    }

    private static void checkGradient(double[] gradient, int k, TrajectoryBatch batch)
    {
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new ArithmeticException("lower level, inner step " + k + ", task " + batch.taskId() + ": gradient entry " + i + " is " + gradient[i]);
            }
        }
    }

    @Override
    public MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages,
            double[] adaptedGradient)
    {
        return metaGradient(policy, phi, adapted, batch, advantages, adaptedGradient, true);
    }

    /**
     * The hypergradient with the Hessian-vector products of ∇²(D + L/λ) either fused into one
     * pass over the outputs ({@link InnerObjective#hessianVector}, for the Gaussian KLs) or, when
     * {@code fuse} is false or D is another distance, as the sum of the policy's and the
     * distance's own products (the reference).
     */
    MetaGradient metaGradient(GaussianPolicy policy, double[] phi, AdaptationResult adapted, TrajectoryBatch batch, double[] advantages, double[] adaptedGradient,
            boolean fuse)
    {
        int n = batch.steps();
        double[] observations = batch.observations();
        double[] theta = adapted.theta();
        double[] scores = new double[n];
        double[] first = new double[n];
        double[] second = new double[n];
        policy.logProbabilities(theta, batch, scores);
        SmoothedSurrogate.derivatives(scores, batch.dataLogProbabilities(), advantages, 1 / settings.lambda(), first, second);
        double[] distancePart = new double[theta.length];
        ConjugateGradient cg = new ConjugateGradient(theta.length, settings.cgIterations(), settings.cgTolerance(), settings.cgDamping());
        double[] b = new double[theta.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = -adaptedGradient[i];
        }
        InnerObjective fused = fuse ? InnerObjective.recognise(distance, policy, phi, batch, advantages, 1 / settings.lambda()) : null;
        MlpLinearisation linearised = fused != null && policy instanceof GaussianMlpPolicy network ? network.linearise(theta, observations, n) : null;
        ConjugateGradientResult solved = cg.solve((v, out) -> {
            if (fused != null) {
                fused.hessianVector(policy, linearised, theta, observations, first, second, v, out);
                return;
            }
            policy.scoreHessianVector(theta, batch, first, second, v, out);
            distance.hessianVectorThetaTheta(policy, theta, phi, observations, n, v, distancePart);
            for (int i = 0; i < out.length; i++) {
                out[i] += distancePart[i];
            }
        }, b, settings.negativeCurvature() != GaussianBomrlSettings.NegativeCurvature.CONTINUE);
        boolean truncated = solved.termination() == ConjugateGradientResult.Termination.NEGATIVE_CURVATURE || solved.negativeCurvatureSteps() > 0;
        if (truncated && settings.negativeCurvature() == GaussianBomrlSettings.NegativeCurvature.FAIL) {
            throw new ArithmeticException("hypergradient, task " + batch.taskId() + ": conjugate gradient met negative curvature of ∇²(D + L/λ) after " + solved.iterations()
                    + " iterations; set cg_damping > 0, a larger lambda, or cg_negative_curvature = truncate or continue");
        }
        double[] x = solved.x();
        double[] h = new double[phi.length];
        distance.crossTerm(policy, theta, phi, observations, n, x, h);
        for (int i = 0; i < h.length; i++) {
            if (!Double.isFinite(h[i])) {
                throw new ArithmeticException("hypergradient, task " + batch.taskId() + ": entry " + i + " is " + h[i]);
            }
        }
        double[] state = new double[2 * theta.length];
        System.arraycopy(theta, 0, state, 0, theta.length);
        System.arraycopy(x, 0, state, theta.length, x.length);
        return new MetaGradient(h, state, truncated);
    }

    /** ℓ(φ') = −∇_θ D(φ', θ*)·x with [θ*; x] the meta-gradient's state. */
    @Override
    public double surrogateLoss(GaussianPolicy policy, double[] phiPrime, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        int dimension = phiPrime.length;
        double[] state = metaGradient.state();
        double[] theta = java.util.Arrays.copyOfRange(state, 0, dimension);
        double[] gradient = new double[dimension];
        distance.gradientTheta(policy, theta, phiPrime, batch.observations(), batch.steps(), gradient);
        double dot = 0;
        for (int i = 0; i < dimension; i++) {
            dot += gradient[i] * state[dimension + i];
        }
        return -dot;
    }

    /**
     * ℓ(φ') = −∇_θD(θ*, φ')·x for the Gaussian KLs from the outputs alone: with u = J_θ* x (the
     * adapted policy's output directions, computed once) and per dimension the KL slope in the
     * adapted policy's slot, ∇_θD·x = (1/n) Σ_i Σ_d [(μ_θ − μ_φ')_d e^{−2l₁} u_id + ∂k/∂l_θ,d x_{log σ,d}],
     * ∂k/∂l_θ = expm1(2(l₀ − l₁)) when θ is the first argument (Alg(2)), −expm1(2(l₀ − l₁)) − (μ_θ − μ_φ')²e^{−2l₁}
     * when it is the second (Alg(1)) — one forward pass of π_φ' per evaluation instead of the
     * distance's two forward passes and one backward pass. Other distances use {@link #surrogateLoss}.
     */
    @Override
    public java.util.function.ToDoubleFunction<double[]> surrogateTerm(GaussianPolicy policy, TrajectoryBatch batch, MetaGradient metaGradient)
    {
        int dimension = policy.parameterCount();
        double[] state = metaGradient.state();
        double[] theta = java.util.Arrays.copyOfRange(state, 0, dimension);
        double[] x = java.util.Arrays.copyOfRange(state, dimension, 2 * dimension);
        int n = batch.steps();
        InnerObjective kind = InnerObjective.recognise(distance, policy, theta, batch, new double[n], 0);
        if (kind == null) {
            return phiPrime -> surrogateLoss(policy, phiPrime, batch, metaGradient);
        }
        boolean adaptedFirst = kind.adaptedFirst;
        int actions = policy.actionDimension();
        double[] observations = batch.observations();
        double[] meansTheta = new double[n * actions];
        double[] logStdTheta = new double[actions];
        policy.outputs(theta, observations, n, meansTheta, logStdTheta);
        double[] u = new double[n * actions];
        double[] r = new double[actions];
        policy.outputDirectional(theta, observations, n, x, u, r);
        double[] meansPhi = new double[n * actions];
        double[] logStdPhi = new double[actions];
        double[] precision = new double[actions];
        double[] slope = new double[actions];
        return phiPrime -> {
            policy.outputs(phiPrime, observations, n, meansPhi, logStdPhi);
            for (int d = 0; d < actions; d++) {
                double l0 = adaptedFirst ? logStdTheta[d] : logStdPhi[d];
                double l1 = adaptedFirst ? logStdPhi[d] : logStdTheta[d];
                precision[d] = Math.exp(-2 * l1);
                double ratioMinusOne = Math.expm1(2 * (l0 - l1));
                slope[d] = adaptedFirst ? ratioMinusOne : -ratioMinusOne;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < actions; d++) {
                    int a = i * actions + d;
                    double difference = meansTheta[a] - meansPhi[a];
                    double logStdSlope = adaptedFirst ? slope[d] : slope[d] - difference * difference * precision[d];
                    sum += difference * precision[d] * u[a] + logStdSlope * r[d];
                }
            }
            return -sum / n;
        };
    }

    /**
     * g(θ) = L(θ)/λ + D(θ, φ) of the lower level for D one of the Gaussian KLs of spec §2.5
     * (Alg(1): KL(N_φ‖N_θ), Alg(2): KL(N_θ‖N_φ), per dimension and averaged over the n states),
     * on the outputs o_θ = (μ_θ(s_i), log σ_θ): with z = (a − μ_θ)/σ_θ, ℓ_i = −½‖z‖² − Σ_d(log σ_d
     * + ½ log 2π), w_i = f_i'(ℓ_i)/λ ({@link SmoothedSurrogate}) and, per dimension, k = l₁ − l₀ +
     * ½(e^{2(l₀−l₁)} − 1) + ½(μ₀ − μ₁)² e^{−2l₁} (slot 0 the first argument of the KL),
     * <pre>
     *   ∂g/∂μ_θ,d = w_i z_d/σ_d + (1/n) ∂k/∂μ_θ,    ∂g/∂log σ_θ,d = Σ_i [w_i (z_d² − 1) + (1/n) ∂k/∂l_θ].
     * </pre>
     * The distance stays the source of truth: {@link #recognise} uses this kernel only when it
     * reproduces {@code distance.value} at a probe point θ̃ ≠ φ. One instance per lower-level
     * solve; not thread-safe.
     */
    static final class InnerObjective
            implements OutputCost, OutputCurvature
    {
        private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
        /** Relative agreement with {@code distance.value} at the probe that identifies a KL direction. */
        private static final double PROBE_TOLERANCE = 1e-12;
        /** The probe θ̃_j = φ_j + PROBE_STEP·sin(j + 1). */
        private static final double PROBE_STEP = 0.01;

        private final boolean adaptedFirst;
        private final int n;
        private final int actions;
        private final double[] actionRows;
        private final double[] dataScores;
        private final double[] advantages;
        private final double scale;
        private final double[] meansPhi;
        private final double[] logStdPhi;
        private final double[] logStdTheta;
        private final double[] invStd;
        private final double[] precision;
        private final double[] constant;
        private final double[] logStdSlope;
        private final double[] ratio;
        private final double[] rLogStd;
        private final double[] rgLogStd;
        private double[] first;
        private double[] second;
        private double logNormaliser;
        private double[] means;
        private double[] gMeans;
        private double[] rMeans;
        private double[] rgMeans;
        private final double[] gLogStd;

        private InnerObjective(boolean adaptedFirst, GaussianPolicy policy, TrajectoryBatch batch, double[] advantages, double scale, double[] meansPhi,
                double[] logStdPhi)
        {
            this.adaptedFirst = adaptedFirst;
            this.n = batch.steps();
            this.actions = policy.actionDimension();
            this.actionRows = batch.actions();
            this.dataScores = batch.dataLogProbabilities();
            this.advantages = advantages;
            this.scale = scale;
            this.meansPhi = meansPhi;
            this.logStdPhi = logStdPhi;
            this.logStdTheta = new double[actions];
            this.invStd = new double[actions];
            this.precision = new double[actions];
            this.constant = new double[actions];
            this.logStdSlope = new double[actions];
            this.ratio = new double[actions];
            this.rLogStd = new double[actions];
            this.rgLogStd = new double[actions];
            this.gLogStd = new double[actions];
        }

        /** The fused objective when {@code distance} is KL(N_φ‖N_θ) or KL(N_θ‖N_φ) on this batch, else null. */
        static InnerObjective recognise(GaussianDistance distance, GaussianPolicy policy, double[] phi, TrajectoryBatch batch, double[] advantages, double scale)
        {
            int n = batch.steps();
            if (n == 0) {
                return null;
            }
            int actions = policy.actionDimension();
            double[] probe = phi.clone();
            for (int j = 0; j < probe.length; j++) {
                probe[j] += PROBE_STEP * Math.sin(j + 1);
            }
            double expected = distance.value(policy, probe, phi, batch.observations(), n);
            if (!(expected > 0)) {
                return null;
            }
            double[] meansPhi = new double[n * actions];
            double[] logStdPhi = new double[actions];
            policy.outputs(phi, batch.observations(), n, meansPhi, logStdPhi);
            double[] meansProbe = new double[n * actions];
            double[] logStdProbe = new double[actions];
            policy.outputs(probe, batch.observations(), n, meansProbe, logStdProbe);
            for (boolean adaptedFirst : new boolean[] {false, true}) {
                InnerObjective objective = new InnerObjective(adaptedFirst, policy, batch, advantages, scale, meansPhi, logStdPhi);
                double value = objective.distance(meansProbe, logStdProbe);
                if (Math.abs(value - expected) <= PROBE_TOLERANCE * expected) {
                    return objective;
                }
            }
            return null;
        }

        /** D(θ, φ) from the outputs of π_θ. */
        double distance(GaussianPolicy policy, double[] theta, double[] observations)
        {
            ensureBuffers();
            policy.outputs(theta, observations, n, means, logStdTheta);
            return distance(means, logStdTheta);
        }

        /** D = max(0, (1/n) Σ_i Σ_d k) for the adapted policy's outputs (means, log σ). */
        private double distance(double[] meansTheta, double[] logStd)
        {
            System.arraycopy(logStd, 0, logStdTheta, 0, actions);
            prepare();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < actions; d++) {
                    double difference = meansTheta[i * actions + d] - meansPhi[i * actions + d];
                    sum += constant[d] + 0.5 * difference * difference * precision[d];
                }
            }
            return Math.max(0, sum / n);
        }

        /** out = ∇_θ g(θ) (overwritten); returns D(θ, φ). */
        double valueAndGradient(GaussianPolicy policy, GaussianMlpPolicy mlp, double[] theta, double[] observations, int rows, double[] out)
        {
            double sum;
            if (mlp != null) {
                System.arraycopy(theta, mlp.logStdOffset(), logStdTheta, 0, actions);
                prepare();
                sum = mlp.outputCostGradient(theta, observations, rows, this, gLogStd, out);
            }
            else {
                ensureBuffers();
                policy.outputs(theta, observations, rows, means, logStdTheta);
                prepare();
                java.util.Arrays.fill(gLogStd, 0);
                sum = chunk(0, rows, means, gMeans, gLogStd);
                policy.outputGradient(theta, observations, rows, gMeans, gLogStd, out);
            }
            return Math.max(0, sum / rows);
        }

        @Override
        public double chunk(int start, int rows, double[] chunkMeans, double[] chunkGradient, double[] logStdGradient)
        {
            double inverseN = 1.0 / n;
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                int row = start + i;
                int a = row * actions;
                int m = i * actions;
                double squares = 0;
                for (int d = 0; d < actions; d++) {
                    double z = (actionRows[a + d] - chunkMeans[m + d]) * invStd[d];
                    squares += z * z;
                }
                double w = weight(-0.5 * squares - logNormaliser, row);
                for (int d = 0; d < actions; d++) {
                    double inv = invStd[d];
                    double z = (actionRows[a + d] - chunkMeans[m + d]) * inv;
                    double difference = chunkMeans[m + d] - meansPhi[a + d];
                    sum += constant[d] + 0.5 * difference * difference * precision[d];
                    chunkGradient[m + d] = w * z * inv + inverseN * (difference * precision[d]);
                    double klSlope = adaptedFirst ? logStdSlope[d] : logStdSlope[d] - difference * difference * precision[d];
                    logStdGradient[d] += w * (z * z - 1) + inverseN * klSlope;
                }
            }
            return sum;
        }

        /**
         * out = ∇²_θθ (L/λ + D) · v at θ (overwritten) with first = f'/λ and second = f''/λ of the
         * surrogate at θ: per row, with z = (a − μ)/σ, u = (∂μ/∂θ) v, r = v_{log σ} and
         * q = Σ_d z_d u_d/σ_d + (z_d² − 1) r_d, the output-space products of
         * {@link GaussianMlpPolicy#scoreHessianVector} plus (1/n) times those of the KL kernel
         * (direction (u, r) in the adapted policy's slots, 0 in the prior's).
         */
        void hessianVector(GaussianPolicy policy, MlpLinearisation linearised, double[] theta, double[] observations, double[] firstWeights, double[] secondWeights,
                double[] v, double[] out)
        {
            this.first = firstWeights;
            this.second = secondWeights;
            if (linearised != null) {
                int logStdOffset = theta.length - actions;
                System.arraycopy(theta, logStdOffset, logStdTheta, 0, actions);
                System.arraycopy(v, logStdOffset, rLogStd, 0, actions);
                prepare();
                linearised.costHessianVector(this, v, rgLogStd, out);
            }
            else {
                ensureBuffers();
                policy.outputs(theta, observations, n, means, logStdTheta);
                policy.outputDirectional(theta, observations, n, v, rMeans, rLogStd);
                prepare();
                java.util.Arrays.fill(rgLogStd, 0);
                chunk(0, n, means, rMeans, gMeans, rgMeans, rgLogStd);
                policy.outputHessianVector(theta, observations, n, gMeans, gLogStd, rgMeans, rgLogStd, v, out);
            }
        }

        @Override
        public void chunk(int start, int rows, double[] chunkMeans, double[] rMeansChunk, double[] gMeansChunk, double[] rgMeansChunk, double[] rgLogStdSum)
        {
            double inverseN = 1.0 / n;
            for (int i = 0; i < rows; i++) {
                int row = start + i;
                int a = row * actions;
                int m = i * actions;
                double f1 = first[row];
                double f2 = second[row];
                double q = 0;
                for (int d = 0; d < actions; d++) {
                    double inv = invStd[d];
                    double z = (actionRows[a + d] - chunkMeans[m + d]) * inv;
                    q += z * inv * rMeansChunk[m + d] + (z * z - 1) * rLogStd[d];
                }
                for (int d = 0; d < actions; d++) {
                    double inv = invStd[d];
                    double z = (actionRows[a + d] - chunkMeans[m + d]) * inv;
                    double r = rLogStd[d];
                    double um = rMeansChunk[m + d];
                    double difference = chunkMeans[m + d] - meansPhi[a + d];
                    double klMean;
                    double klLogStd;
                    if (adaptedFirst) {
                        klMean = precision[d] * um;
                        klLogStd = 2 * ratio[d] * r;
                    }
                    else {
                        double cross = -2 * difference * precision[d];
                        klMean = precision[d] * um + cross * r;
                        klLogStd = cross * um + (2 * ratio[d] - difference * cross) * r;
                    }
                    gMeansChunk[m + d] = f1 * z * inv + inverseN * (difference * precision[d]);
                    rgMeansChunk[m + d] = f2 * q * z * inv + f1 * (-um * inv * inv - 2 * z * inv * r) + inverseN * klMean;
                    rgLogStdSum[d] += f2 * q * (z * z - 1) + f1 * (-2 * z * inv * um - 2 * z * z * r) + inverseN * klLogStd;
                }
            }
        }

        /** scale · f_i'(ℓ) of {@link SmoothedSurrogate} for row i. */
        private double weight(double score, int row)
        {
            double r = Math.exp(score - dataScores[row]);
            double s = 1 / (1 + Math.exp(-(2 * r - 2)));
            double c = -4 * advantages[row] / n * scale;
            return c * (s * (1 - s)) * r;
        }

        /**
         * Per dimension, from log σ_θ: 1/σ_θ, the normaliser of ℓ, and with l₀, l₁ the slots of the
         * KL: the precision e^{−2l₁}, the constant l₁ − l₀ + ½ expm1(2(l₀ − l₁)) and the slope of k in
         * l_θ without its mean term (expm1(2(l₀ − l₁)) for l_θ = l₀, −expm1(2(l₀ − l₁)) for l_θ = l₁).
         */
        private void prepare()
        {
            logNormaliser = 0;
            for (int d = 0; d < actions; d++) {
                double logStd = logStdTheta[d];
                invStd[d] = Math.exp(-logStd);
                logNormaliser += logStd + HALF_LOG_TWO_PI;
                double l0 = adaptedFirst ? logStd : logStdPhi[d];
                double l1 = adaptedFirst ? logStdPhi[d] : logStd;
                double logRatio = l0 - l1;
                precision[d] = Math.exp(-2 * l1);
                constant[d] = 0.5 * Math.expm1(2 * logRatio) - logRatio;
                double ratioMinusOne = Math.expm1(2 * logRatio);
                ratio[d] = Math.exp(2 * logRatio);
                logStdSlope[d] = adaptedFirst ? ratioMinusOne : -ratioMinusOne;
            }
        }

        private void ensureBuffers()
        {
            if (means == null) {
                means = new double[n * actions];
                gMeans = new double[n * actions];
                rMeans = new double[n * actions];
                rgMeans = new double[n * actions];
            }
        }
    }
}
