package org.bomrl.core.adapt;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.numerics.tabular.OnesComplementBasis;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import static java.util.Objects.requireNonNull;

/**
 * The hypergradient of the trust-region lower level (spec §2.7) by implicit differentiation of its
 * KKT conditions with an active constraint, μ* &gt; 0 (spec §3.3), data (Q, ν) held fixed.
 *
 * <p>The solution θ*(φ), μ*(φ) satisfies, for every state s (also where ν(s) = 0, see
 * {@link TrustRegionSolver}), the per-state stationarity G_s = −F(π_s)Q_s + μ ∇_θ d_s = 0 and the
 * active constraint Σ_s ν(s) d_s = δ. Differentiating with respect to φ gives the coupled system
 * over all states
 *
 * <pre>[ H        b ] [ ∂θ/∂φ ]     [ μ C          ]
 * [ (ν⊙b)ᵀ   0 ] [ ∂μ/∂φ ] = − [ (ν⊙∇_φ d)ᵀ   ]
 * H = ⊕_s (−M(π_s, Q_s) + μ∇²_θθ d_s),  b = (∇_θ d_s)_s,  C = ⊕_s ∇²_θφ d_s,</pre>
 *
 * which is the symmetric system of spec §3.3 with the state-s rows divided by ν(s) (equal to it
 * where ν &gt; 0, and still well defined where ν(s) = 0). For shift-invariant distances every
 * state's θ block is written in an orthonormal basis U of 1^⊥ ({@link OnesComplementBasis}),
 * which removes the per-state null directions; the matrix K then has Σ_s(|A|−1) + 1 rows. With
 * v solving Kᵀ v = [Uᵀg; 0], h = −[μ C ; (ν⊙∇_φ d)ᵀ]ᵀ v = (∂θ*∕∂φ)ᵀ g.
 *
 * <p>K is non-singular under LICQ (∇_θD ≠ 0), strict complementarity and second-order
 * sufficiency (spec §3.4); its singular values (EJML SVD) are checked first and a condition
 * number above 1e12 throws {@link ArithmeticException} naming it and the worst-conditioned
 * state block. Thread-safe: work buffers are allocated per call.
 */
final class KktHypergradient
{
    /** Largest accepted σ_max/σ_min of the KKT matrix. */
    static final double CONDITION_LIMIT = 1e12;

    private final TabularDistance distance;

    KktHypergradient(TabularDistance distance)
    {
        this.distance = requireNonNull(distance, "distance is null");
    }

    /**
     * h = (∂θ*∕∂φ)ᵀ g as a new |S|·|A| array.
     *
     * @param mu the multiplier μ* &gt; 0 of the active constraint
     * @throws ArithmeticException when the KKT system is singular or ill-conditioned
     */
    double[] compute(double[] phi, double[] theta, double[] q, double[] visitation, int states, int actions, double mu, double[] g)
    {
        OnesComplementBasis basis = OnesComplementBasis.of(actions, distance.shiftInvariant());
        int k = basis.dimension();
        int n = states * k + 1;
        StatePenalty penalty = new StatePenalty(distance, actions);
        double[] hessian = new double[actions * actions];
        double[] reduced = new double[k * k];
        double[] gradient = new double[actions];
        double[] reducedGradient = new double[k];
        DMatrixRMaj kkt = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        for (int s = 0; s < states; s++) {
            int offset = s * actions;
            int row = s * k;
            penalty.hessian(theta, phi, q, offset, mu, hessian);
            basis.reduceMatrix(hessian, reduced);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    kkt.set(row + i, row + j, reduced[i * k + j]);
                }
            }
            distance.gradientTheta(theta, phi, offset, actions, gradient);
            basis.reduce(gradient, 0, reducedGradient, 0);
            for (int i = 0; i < k; i++) {
                kkt.set(row + i, n - 1, reducedGradient[i]);
                kkt.set(n - 1, row + i, visitation[s] * reducedGradient[i]);
            }
            basis.reduce(g, offset, rhs.data, row);
        }
        checkConditioning(kkt, penalty, basis, phi, theta, q, states, mu);
        DMatrixRMaj transposed = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(kkt, transposed);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(transposed)) {
            throw new ArithmeticException("KKT system over all states (μ = " + mu + "): LU factorisation failed");
        }
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        lu.solve(rhs, v);
        double vMu = v.get(n - 1, 0);
        double[] cross = new double[actions * actions];
        double[] expanded = new double[actions];
        double[] priorGradient = new double[actions];
        double[] h = new double[states * actions];
        for (int s = 0; s < states; s++) {
            int offset = s * actions;
            basis.expand(v.data, s * k, expanded, 0);
            distance.hessianThetaPhi(theta, phi, offset, actions, cross);
            distance.gradientPhi(theta, phi, offset, actions, priorGradient);
            for (int j = 0; j < actions; j++) {
                double sum = 0;
                for (int i = 0; i < actions; i++) {
                    sum += cross[i * actions + j] * expanded[i];
                }
                h[offset + j] = -(mu * sum + visitation[s] * priorGradient[j] * vMu);
                if (!Double.isFinite(h[offset + j])) {
                    throw new ArithmeticException("state " + s + ": KKT hypergradient entry a=" + j + " is not finite: " + h[offset + j] + " (μ = " + mu + ")");
                }
            }
        }
        return h;
    }

    private void checkConditioning(DMatrixRMaj kkt, StatePenalty penalty, OnesComplementBasis basis, double[] phi, double[] theta, double[] q, int states,
            double mu)
    {
        double condition = condition(kkt);
        if (condition <= CONDITION_LIMIT) {
            return;
        }
        int k = basis.dimension();
        int actions = basis.ambient();
        double[] hessian = new double[actions * actions];
        int worst = -1;
        double worstCondition = 0;
        for (int s = 0; s < states && k > 0; s++) {
            DMatrixRMaj block = new DMatrixRMaj(k, k);
            penalty.hessian(theta, phi, q, s * actions, mu, hessian);
            basis.reduceMatrix(hessian, block.data);
            double blockCondition = condition(block);
            if (!(blockCondition <= worstCondition)) {
                worst = s;
                worstCondition = blockCondition;
            }
        }
        throw new ArithmeticException("KKT system over all states (μ = " + mu + ") is singular or ill-conditioned: condition number " + condition
                + " exceeds " + CONDITION_LIMIT + "; worst state block: state " + worst + " with condition number " + worstCondition);
    }

    /** σ_max/σ_min (infinite when σ_min = 0, NaN entries give NaN). */
    private static double condition(DMatrixRMaj matrix)
    {
        for (double entry : matrix.data) {
            if (!Double.isFinite(entry)) {
                return Double.NaN;
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(matrix.numRows, matrix.numCols, false, false, true);
        if (!svd.decompose(matrix.copy())) {
            return Double.POSITIVE_INFINITY;
        }
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        double[] singular = svd.getSingularValues();
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            double value = singular[i];
            largest = Math.max(largest, value);
            smallest = Math.min(smallest, value);
        }
        return largest / smallest;
    }
}
