package org.bomrl.numerics.lq;

import org.bomrl.api.env.LinearQuadraticModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The exact expected discounted return J(θ) of a stationary linear-Gaussian policy
 * u = K x + k + σ ⊙ ε, ε ∼ N(0, I), on a linear-quadratic task, and its exact gradient ∇_θJ.
 * θ = [K (m×n, row-major), k (m), log σ (m)], the layout of the zero-hidden-layer Gaussian MLP
 * (μ = K x + k, state-independent log-std; spec §5b).
 *
 * <p>With the augmented state z = [x; 1], K̃ = [K k], F = Ã + B̃K̃ (Ã = diag(A, 1), B̃ = [B; 0]),
 * D = diag(σ²), N = B̃DB̃ᵀ + diag(Σ_w, 0) and the stage matrix M = diag(Q, 0) + K̃ᵀRK̃, the second
 * moment Z_t = E[z_t z_tᵀ] follows the finite-horizon Lyapunov recursion
 * <pre>
 *   Z_0 = [[Σ_0 + m_0m_0ᵀ, m_0], [m_0ᵀ, 1]],   Z_{t+1} = F Z_t Fᵀ + N,
 *   J(θ) = −Σ_{t=0}^{H−1} γ^t (tr(M Z_t) + tr(R D)).
 * </pre>
 * The gradient comes from the adjoint (cost-to-go) recursion V_H = 0, V_t = M + γFᵀV_{t+1}F:
 * <pre>
 *   ∂J/∂K̃ = −2 Σ_t γ^t (R K̃ + γB̃ᵀV_{t+1}F) Z_t,
 *   ∂J/∂log σ_j = −2σ_j² Σ_t γ^t (R_jj + γ(B̃ᵀV_{t+1}B̃)_jj).
 * </pre>
 * All work goes to buffers allocated at construction (including the H moments the gradient
 * needs): evaluations allocate nothing. Not thread-safe: use one instance per thread.
 */
public final class LinearGaussianReturn
{
    private final int n;
    private final int m;
    private final int horizon;
    private final double gamma;
    private final double[] discount;
    private final DMatrixRMaj r;
    private final DMatrixRMaj augmentedA;
    private final DMatrixRMaj augmentedB;
    private final DMatrixRMaj augmentedQ;
    private final DMatrixRMaj augmentedW;
    private final DMatrixRMaj initialMoment;
    private final DMatrixRMaj gain;
    private final DMatrixRMaj closedLoop;
    private final DMatrixRMaj stage;
    private final DMatrixRMaj noise;
    private final DMatrixRMaj[] moments;
    private final DMatrixRMaj adjoint;
    private final DMatrixRMaj adjointNext;
    private final DMatrixRMaj workN;
    private final DMatrixRMaj workNN;
    private final DMatrixRMaj workMN;
    private final DMatrixRMaj workMM;
    private final DMatrixRMaj gainGradient;
    private final double[] variance;
    private final double[] logStdGradient;

    public LinearGaussianReturn(LinearQuadraticModel model)
    {
        requireNonNull(model, "model is null");
        this.n = model.stateDimension();
        this.m = model.actionDimension();
        this.horizon = model.horizon();
        this.gamma = model.gamma();
        int size = n + 1;
        this.discount = new double[horizon];
        double power = 1;
        for (int t = 0; t < horizon; t++) {
            discount[t] = power;
            power *= gamma;
        }
        this.r = Matrices.of(model.r());
        this.augmentedA = new DMatrixRMaj(size, size);
        CommonOps_DDRM.insert(Matrices.of(model.a()), augmentedA, 0, 0);
        augmentedA.unsafe_set(n, n, 1);
        this.augmentedB = new DMatrixRMaj(size, m);
        CommonOps_DDRM.insert(Matrices.of(model.b()), augmentedB, 0, 0);
        this.augmentedQ = new DMatrixRMaj(size, size);
        CommonOps_DDRM.insert(Matrices.of(model.q()), augmentedQ, 0, 0);
        this.augmentedW = new DMatrixRMaj(size, size);
        CommonOps_DDRM.insert(Matrices.of(model.sigmaW()), augmentedW, 0, 0);
        double[] m0 = model.m0();
        this.initialMoment = new DMatrixRMaj(size, size);
        CommonOps_DDRM.insert(Matrices.of(model.sigma0()), initialMoment, 0, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                initialMoment.add(i, j, m0[i] * m0[j]);
            }
            initialMoment.unsafe_set(i, n, m0[i]);
            initialMoment.unsafe_set(n, i, m0[i]);
        }
        initialMoment.unsafe_set(n, n, 1);
        this.gain = new DMatrixRMaj(m, size);
        this.closedLoop = new DMatrixRMaj(size, size);
        this.stage = new DMatrixRMaj(size, size);
        this.noise = new DMatrixRMaj(size, size);
        this.moments = new DMatrixRMaj[horizon];
        for (int t = 0; t < horizon; t++) {
            moments[t] = new DMatrixRMaj(size, size);
        }
        this.adjoint = new DMatrixRMaj(size, size);
        this.adjointNext = new DMatrixRMaj(size, size);
        this.workN = new DMatrixRMaj(size, m);
        this.workNN = new DMatrixRMaj(size, size);
        this.workMN = new DMatrixRMaj(m, size);
        this.workMM = new DMatrixRMaj(m, m);
        this.gainGradient = new DMatrixRMaj(m, size);
        this.variance = new double[m];
        this.logStdGradient = new double[m];
    }

    /** Length of θ: m·n + 2m. */
    public static int parameterCount(int stateDimension, int actionDimension)
    {
        return actionDimension * stateDimension + 2 * actionDimension;
    }

    /** Length of θ for this model. */
    public int parameterCount()
    {
        return parameterCount(n, m);
    }

    /** J(θ) by the Lyapunov recursion. */
    public double value(double[] theta)
    {
        double trace = prepare(theta);
        double cost = 0;
        DMatrixRMaj z = moments[0];
        z.setTo(initialMoment);
        for (int t = 0; t < horizon; t++) {
            cost += discount[t] * (Matrices.traceOfProduct(stage, z) + trace);
            if (t + 1 < horizon) {
                DMatrixRMaj next = moments[t + 1];
                propagate(z, next);
                z = next;
            }
        }
        return -cost;
    }

    /** gradient ← ∇_θJ(θ) (overwritten), in θ's layout; returns J(θ). */
    public double valueAndGradient(double[] theta, double[] gradient)
    {
        requireNonNull(gradient, "gradient is null");
        if (gradient.length != parameterCount()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " values, θ has " + parameterCount() + " (m·n + 2m)");
        }
        double value = value(theta);
        adjoint.zero();
        gainGradient.zero();
        Arrays.fill(logStdGradient, 0);
        for (int t = horizon - 1; t >= 0; t--) {
            // adjoint holds V_{t+1}; workMN ← R K̃ + γ B̃ᵀ V_{t+1} F
            CommonOps_DDRM.mult(r, gain, workMN);
            CommonOps_DDRM.mult(adjoint, closedLoop, workNN);
            CommonOps_DDRM.multAddTransA(gamma, augmentedB, workNN, workMN);
            CommonOps_DDRM.multAdd(2 * discount[t], workMN, moments[t], gainGradient);
            CommonOps_DDRM.mult(adjoint, augmentedB, workN);
            CommonOps_DDRM.multTransA(augmentedB, workN, workMM);
            for (int j = 0; j < m; j++) {
                logStdGradient[j] += 2 * variance[j] * discount[t] * (r.unsafe_get(j, j) + gamma * workMM.unsafe_get(j, j));
            }
            // V_t = M + γ Fᵀ V_{t+1} F
            CommonOps_DDRM.multTransA(gamma, closedLoop, workNN, adjointNext);
            CommonOps_DDRM.addEquals(adjointNext, stage);
            Matrices.symmetrise(adjointNext);
            adjoint.setTo(adjointNext);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                gradient[i * n + j] = -gainGradient.unsafe_get(i, j);
            }
            gradient[m * n + i] = -gainGradient.unsafe_get(i, n);
            gradient[m * n + m + i] = -logStdGradient[i];
        }
        return value;
    }

    /** Reads θ into K̃ and σ², forms F, M and N; returns tr(RD). */
    private double prepare(double[] theta)
    {
        requireNonNull(theta, "theta is null");
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, expected m·n + 2m = " + parameterCount() + " (K, k, log σ)");
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("θ[" + i + "] = " + theta[i] + " is not finite");
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                gain.unsafe_set(i, j, theta[i * n + j]);
            }
            gain.unsafe_set(i, n, theta[m * n + i]);
            variance[i] = Math.exp(2 * theta[m * n + m + i]);
        }
        // F = Ã + B̃K̃
        closedLoop.setTo(augmentedA);
        CommonOps_DDRM.multAdd(augmentedB, gain, closedLoop);
        // M = Q̃ + K̃ᵀRK̃
        CommonOps_DDRM.mult(r, gain, workMN);
        stage.setTo(augmentedQ);
        CommonOps_DDRM.multAddTransA(gain, workMN, stage);
        Matrices.symmetrise(stage);
        // N = B̃DB̃ᵀ + W̃
        noise.setTo(augmentedW);
        double trace = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double sum = 0;
                for (int l = 0; l < m; l++) {
                    sum += augmentedB.unsafe_get(i, l) * variance[l] * augmentedB.unsafe_get(j, l);
                }
                noise.add(i, j, sum);
            }
        }
        for (int l = 0; l < m; l++) {
            trace += r.unsafe_get(l, l) * variance[l];
        }
        return trace;
    }

    /** next ← F z Fᵀ + N. */
    private void propagate(DMatrixRMaj z, DMatrixRMaj next)
    {
        CommonOps_DDRM.mult(closedLoop, z, workNN);
        CommonOps_DDRM.multTransB(workNN, closedLoop, next);
        CommonOps_DDRM.addEquals(next, noise);
        Matrices.symmetrise(next);
    }
}
