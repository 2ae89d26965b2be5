package org.bomrl.metrics.distance;

import org.bomrl.api.distance.GaussianDistance;
import org.bomrl.api.policy.GaussianPolicy;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;
import static org.bomrl.metrics.distance.GaussianKl.COORDINATES;
import static org.bomrl.metrics.distance.GaussianKl.LOG_STD_0;
import static org.bomrl.metrics.distance.GaussianKl.LOG_STD_1;
import static org.bomrl.metrics.distance.GaussianKl.MEAN_0;
import static org.bomrl.metrics.distance.GaussianKl.MEAN_1;

/**
 * The Gaussian views of Alg(1) and Alg(2) (spec §2.3, §2.5): over the n observed states s_i,
 * <pre>
 *   Alg(1)  D(θ, φ) = (1/n) Σ_i Σ_d KL(N(μ_φ(s_i)_d, σ_φ,d) ‖ N(μ_θ(s_i)_d, σ_θ,d))   (old‖new)
 *   Alg(2)  D(θ, φ) = (1/n) Σ_i Σ_d KL(N(μ_θ(s_i)_d, σ_θ,d) ‖ N(μ_φ(s_i)_d, σ_φ,d))   (new‖old)
 * </pre>
 * with the per-dimension KL of {@link GaussianKl}. D depends on θ and φ only through the outputs
 * o_θ = (μ_θ(s_1…s_n), log σ_θ) and o_φ, so with J_θ = ∂o_θ/∂θ, c(o_θ, o_φ) = D and the kernel's
 * derivatives:
 * <ul>
 *   <li>∇_θ D = J_θᵀ ∂c/∂o_θ ({@link GaussianPolicy#outputGradient});</li>
 *   <li>∇²_θθ D v = J_θᵀ (∂²c/∂o_θ²)(J_θ v) + Σ (∂c/∂o_θ) ∇²o_θ v ({@link GaussianPolicy#outputHessianVector}), exact;</li>
 *   <li>∇²_φθ D x = J_φᵀ (∂²c/∂o_φ∂o_θ)(J_θ x), exact, as J_θ does not depend on φ.</li>
 * </ul>
 * The value is clamped at 0 against rounding. Thread-safe: the output buffers live in a per-thread
 * workspace, reallocated only when n or the action dimension changes.
 */
final class GaussianKlDistance
        implements GaussianDistance
{
    /** The kernel slot of the adapted policy's mean and log-std, and of the prior's. */
    private final int thetaMean;
    private final int thetaLogStd;
    private final int phiMean;
    private final int phiLogStd;
    private final String name;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    private GaussianKlDistance(boolean adaptedFirst, String name)
    {
        this.thetaMean = adaptedFirst ? MEAN_0 : MEAN_1;
        this.thetaLogStd = adaptedFirst ? LOG_STD_0 : LOG_STD_1;
        this.phiMean = adaptedFirst ? MEAN_1 : MEAN_0;
        this.phiLogStd = adaptedFirst ? LOG_STD_1 : LOG_STD_0;
        this.name = name;
    }

    /** Alg(1): mean_i Σ_d KL(N_φ ‖ N_θ). */
    static GaussianKlDistance priorAdapted()
    {
        return new GaussianKlDistance(false, KlPriorAdapted.NAME);
    }

    /** Alg(2): mean_i Σ_d KL(N_θ ‖ N_φ). */
    static GaussianKlDistance adaptedPrior()
    {
        return new GaussianKlDistance(true, KlAdaptedPrior.NAME);
    }

    @Override
    public double value(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n)
    {
        Workspace w = outputs(policy, theta, phi, observations, n);
        int actions = w.actions;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                w.load(i, d, this);
                sum += GaussianKl.value(w.point[MEAN_0], w.point[LOG_STD_0], w.point[MEAN_1], w.point[LOG_STD_1]);
            }
        }
        return Math.max(0, sum / n);
    }

    @Override
    public void gradientTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] out)
    {
        requireNonNull(out, "out is null");
        Workspace w = outputs(policy, theta, phi, observations, n);
        int actions = w.actions;
        double scale = 1.0 / n;
        Arrays.fill(w.gLogStd, 0);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                w.load(i, d, this);
                GaussianKl.gradient(w.point[MEAN_0], w.point[LOG_STD_0], w.point[MEAN_1], w.point[LOG_STD_1], w.first);
                w.gMeans[i * actions + d] = scale * w.first[thetaMean];
                w.gLogStd[d] += scale * w.first[thetaLogStd];
            }
        }
        policy.outputGradient(theta, observations, n, w.gMeans, w.gLogStd, out);
    }

    @Override
    public void hessianVectorThetaTheta(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] v, double[] out)
    {
        requireNonNull(v, "v is null");
        requireNonNull(out, "out is null");
        Workspace w = outputs(policy, theta, phi, observations, n);
        policy.outputDirectional(theta, observations, n, v, w.rMeans, w.rLogStd);
        int actions = w.actions;
        double scale = 1.0 / n;
        Arrays.fill(w.gLogStd, 0);
        Arrays.fill(w.rgLogStd, 0);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                w.load(i, d, this);
                GaussianKl.gradient(w.point[MEAN_0], w.point[LOG_STD_0], w.point[MEAN_1], w.point[LOG_STD_1], w.first);
                w.thetaDirection(i, d, this);
                GaussianKl.hessianVector(w.point[MEAN_0], w.point[LOG_STD_0], w.point[MEAN_1], w.point[LOG_STD_1], w.direction, w.second);
                w.gMeans[i * actions + d] = scale * w.first[thetaMean];
                w.gLogStd[d] += scale * w.first[thetaLogStd];
                w.rgMeans[i * actions + d] = scale * w.second[thetaMean];
                w.rgLogStd[d] += scale * w.second[thetaLogStd];
            }
        }
        policy.outputHessianVector(theta, observations, n, w.gMeans, w.gLogStd, w.rgMeans, w.rgLogStd, v, out);
    }

    @Override
    public void crossTerm(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n, double[] x, double[] out)
    {
        requireNonNull(x, "x is null");
        requireNonNull(out, "out is null");
        Workspace w = outputs(policy, theta, phi, observations, n);
        policy.outputDirectional(theta, observations, n, x, w.rMeans, w.rLogStd);
        int actions = w.actions;
        double scale = 1.0 / n;
        Arrays.fill(w.rgLogStd, 0);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                w.load(i, d, this);
                w.thetaDirection(i, d, this);
                GaussianKl.hessianVector(w.point[MEAN_0], w.point[LOG_STD_0], w.point[MEAN_1], w.point[LOG_STD_1], w.direction, w.second);
                w.rgMeans[i * actions + d] = scale * w.second[phiMean];
                w.rgLogStd[d] += scale * w.second[phiLogStd];
            }
        }
        policy.outputGradient(phi, observations, n, w.rgMeans, w.rgLogStd, out);
    }

    /** Validates the arguments and writes o_θ and o_φ to this thread's workspace. */
    private Workspace outputs(GaussianPolicy policy, double[] theta, double[] phi, double[] observations, int n)
    {
        requireNonNull(policy, "policy is null");
        requireNonNull(theta, "theta is null");
        requireNonNull(phi, "phi is null");
        requireNonNull(observations, "observations is null");
        if (n < 1) {
            throw new IllegalArgumentException("the state count n must be positive: " + n);
        }
        int parameters = policy.parameterCount();
        if (theta.length != parameters || phi.length != parameters) {
            throw new IllegalArgumentException("θ and φ must have the policy's " + parameters + " parameters: " + theta.length + " and " + phi.length);
        }
        if (observations.length < n * policy.observationDimension()) {
            throw new IllegalArgumentException("observations must hold n·dObs = " + n + "·" + policy.observationDimension() + " values: " + observations.length);
        }
        Workspace w = workspaces.get().prepare(n, policy.actionDimension());
        policy.outputs(theta, observations, n, w.meansTheta, w.logStdTheta);
        policy.outputs(phi, observations, n, w.meansPhi, w.logStdPhi);
        return w;
    }

    @Override
    public String toString()
    {
        return name + " (Gaussian)";
    }

    /** One thread's buffers: the outputs of θ and φ, the output-space gradients, and kernel vectors. */
    private static final class Workspace
    {
        private int states = -1;
        private int actions = -1;
        private double[] meansTheta;
        private double[] meansPhi;
        private double[] logStdTheta;
        private double[] logStdPhi;
        private double[] gMeans;
        private double[] gLogStd;
        private double[] rMeans;
        private double[] rLogStd;
        private double[] rgMeans;
        private double[] rgLogStd;
        private final double[] point = new double[COORDINATES];
        private final double[] first = new double[COORDINATES];
        private final double[] direction = new double[COORDINATES];
        private final double[] second = new double[COORDINATES];

        Workspace prepare(int n, int actionDimension)
        {
            if (n != states || actionDimension != actions) {
                states = n;
                actions = actionDimension;
                meansTheta = new double[n * actionDimension];
                meansPhi = new double[n * actionDimension];
                gMeans = new double[n * actionDimension];
                rMeans = new double[n * actionDimension];
                rgMeans = new double[n * actionDimension];
                logStdTheta = new double[actionDimension];
                logStdPhi = new double[actionDimension];
                gLogStd = new double[actionDimension];
                rLogStd = new double[actionDimension];
                rgLogStd = new double[actionDimension];
            }
            return this;
        }

        /** point = the kernel coordinates of state i, dimension d. */
        void load(int i, int d, GaussianKlDistance distance)
        {
            point[distance.thetaMean] = meansTheta[i * actions + d];
            point[distance.thetaLogStd] = logStdTheta[d];
            point[distance.phiMean] = meansPhi[i * actions + d];
            point[distance.phiLogStd] = logStdPhi[d];
        }

        /** direction = (J_θ v) of state i, dimension d, in the adapted policy's slots, 0 in the prior's. */
        void thetaDirection(int i, int d, GaussianKlDistance distance)
        {
            direction[distance.thetaMean] = rMeans[i * actions + d];
            direction[distance.thetaLogStd] = rLogStd[d];
            direction[distance.phiMean] = 0;
            direction[distance.phiLogStd] = 0;
        }
    }
}
