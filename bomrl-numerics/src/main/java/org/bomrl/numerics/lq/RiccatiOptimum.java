package org.bomrl.numerics.lq;

import org.bomrl.api.env.KnownOptimum;
import org.bomrl.api.env.LinearQuadraticModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import static java.util.Objects.requireNonNull;

/**
 * The exact optimum of a linear-quadratic task (spec §1.3, the all-task optimum J_τ(π*_τ)) by the
 * discounted finite-horizon Riccati recursion. With the cost-to-go x_tᵀP_t x_t + c_t and
 * P_H = 0, c_H = 0, for t = H−1 … 0:
 * <pre>
 *   G_t = R + γBᵀP_{t+1}B,   L_t = −G_t⁻¹ γBᵀP_{t+1}A,
 *   P_t = Q + γAᵀP_{t+1}A + γAᵀP_{t+1}B L_t,   c_t = γ(tr(P_{t+1}Σ_w) + c_{t+1}),
 * </pre>
 * the optimal policy is the deterministic time-varying feedback u_t = L_t x_t (optimal among all
 * policies, stochastic ones included), and the optimal return from x_0 ∼ N(m_0, Σ_0) is
 * J* = −(m_0ᵀP_0m_0 + tr(P_0Σ_0) + c_0). The solves with G_t go through EJML's Cholesky
 * factorisation. Immutable and thread-safe.
 */
public final class RiccatiOptimum
        implements KnownOptimum
{
    private final int n;
    private final int m;
    private final double[][] gains;
    private final double[] p0;
    private final double optimalReturn;

    private RiccatiOptimum(int n, int m, double[][] gains, double[] p0, double optimalReturn)
    {
        this.n = n;
        this.m = m;
        this.gains = gains;
        this.p0 = p0;
        this.optimalReturn = optimalReturn;
    }

    /**
     * Solves the recursion for {@code model}.
     *
     * @throws ArithmeticException if some G_t = R + γBᵀP_{t+1}B is not positive definite (R is not
     *         positive definite) or the optimal cost overflows
     */
    public static RiccatiOptimum solve(LinearQuadraticModel model)
    {
        requireNonNull(model, "model is null");
        int n = model.stateDimension();
        int m = model.actionDimension();
        int horizon = model.horizon();
        double gamma = model.gamma();
        DMatrixRMaj a = Matrices.of(model.a());
        DMatrixRMaj b = Matrices.of(model.b());
        DMatrixRMaj q = Matrices.of(model.q());
        DMatrixRMaj r = Matrices.of(model.r());
        DMatrixRMaj sigmaW = Matrices.of(model.sigmaW());
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        DMatrixRMaj pa = new DMatrixRMaj(n, n);
        DMatrixRMaj pb = new DMatrixRMaj(n, m);
        DMatrixRMaj g = new DMatrixRMaj(m, m);
        DMatrixRMaj h = new DMatrixRMaj(m, n);
        DMatrixRMaj rhs = new DMatrixRMaj(m, n);
        DMatrixRMaj gain = new DMatrixRMaj(m, n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.symmPosDef(m);
        double[][] gains = new double[horizon][];
        double c = 0;
        for (int t = horizon - 1; t >= 0; t--) {
            c = gamma * (Matrices.traceOfProduct(p, sigmaW) + c);
            CommonOps_DDRM.mult(p, a, pa);
            CommonOps_DDRM.mult(p, b, pb);
            CommonOps_DDRM.multTransA(gamma, b, pb, g);
            CommonOps_DDRM.addEquals(g, r);
            CommonOps_DDRM.multTransA(gamma, b, pa, h);
            if (!cholesky.setA(g)) {
                throw new ArithmeticException("R + γBᵀP_" + (t + 1) + "B is not positive definite at step " + t + ": R must be positive definite");
            }
            rhs.setTo(h);
            cholesky.solve(rhs, gain);
            CommonOps_DDRM.scale(-1, gain);
            // P_t = Q + γAᵀPA + Hᵀ L, with H = γBᵀPA
            CommonOps_DDRM.multTransA(gamma, a, pa, next);
            CommonOps_DDRM.addEquals(next, q);
            CommonOps_DDRM.multAddTransA(h, gain, next);
            Matrices.symmetrise(next);
            p.setTo(next);
            gains[t] = gain.data.clone();
        }
        DMatrixRMaj m0 = Matrices.column(model.m0());
        DMatrixRMaj pm = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(p, m0, pm);
        double cost = Matrices.traceOfProduct(m0, pm) + Matrices.traceOfProduct(p, Matrices.of(model.sigma0())) + c;
        if (!Double.isFinite(cost)) {
            throw new ArithmeticException("the optimal cost of the linear-quadratic model is not finite: " + cost);
        }
        return new RiccatiOptimum(n, m, gains, p.data.clone(), -cost);
    }

    /** J* = −(m_0ᵀP_0m_0 + tr(P_0Σ_0) + c_0). */
    @Override
    public double optimalReturn()
    {
        return optimalReturn;
    }

    /** H, the number of gains. */
    public int horizon()
    {
        return gains.length;
    }

    /** out ← L_t, m×n row-major: the optimal action at step t is u_t = L_t x_t. */
    public void gain(int t, double[] out)
    {
        if (t < 0 || t >= gains.length) {
            throw new IndexOutOfBoundsException("step " + t + " is outside the horizon 0.." + (gains.length - 1));
        }
        if (out.length != m * n) {
            throw new IllegalArgumentException("gain buffer has " + out.length + " values, L_t has " + m * n);
        }
        System.arraycopy(gains[t], 0, out, 0, out.length);
    }

    /** out ← P_0, n×n row-major: the quadratic part of the optimal cost-to-go over the whole horizon. */
    public void costToGo(double[] out)
    {
        if (out.length != n * n) {
            throw new IllegalArgumentException("P_0 buffer has " + out.length + " values, P_0 has " + n * n);
        }
        System.arraycopy(p0, 0, out, 0, out.length);
    }

    @Override
    public String toString()
    {
        return "RiccatiOptimum[n=" + n + ", m=" + m + ", H=" + gains.length + ", J*=" + optimalReturn + "]";
    }
}
