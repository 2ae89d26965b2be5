package org.bomrl.core.adapt;

import org.bomrl.api.distance.TabularDistance;
import org.bomrl.numerics.tabular.OnesComplementBasis;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The per-state lower level for any tabular distance d (spec §2.4.3 for Alg(3); usable for every
 * distance plugin): damped Newton on f_s(θ) = −Σ_a π_θ(a)Q(s,a) + λ d(θ, φ_s) (see
 * {@link StatePenalty}) from θ = φ_s.
 *
 * <p>Each iteration works in the basis U of {@link OnesComplementBasis} (1^⊥ when
 * {@link TabularDistance#shiftInvariant()}, where f_s is constant along 1): the direction is
 * −(UᵀHU)⁻¹Uᵀ∇f when the reduced Hessian is positive definite (EJML Cholesky succeeds), else the
 * shifted (Levenberg–Marquardt) direction −(UᵀHU + τI)⁻¹Uᵀ∇f with the smallest τ of a geometric
 * sequence that makes the matrix positive definite — a descent direction between Newton's and a
 * scaled gradient step (plain gradient steps stall where the softmax curvature F(π) is small).
 * The step is scaled so that no logit moves by more than 4 (damping), and its length backtracks
 * by halving from 1 until the Armijo condition f(θ + t d) ≤ f(θ) + 10⁻⁴ t ∇fᵀd holds (a full Newton step that changes f only
 * at rounding level, 10⁻¹³(1 + |f|), is also accepted when it reduces ‖Uᵀ∇f‖). It stops when
 * ‖Uᵀ∇f‖ ≤ tolerance·(1 + max_a |Q(s,a)|) and otherwise throws {@link ArithmeticException} naming
 * the state and the gradient norm after {@code maxIterations} iterations. The result is a local
 * minimiser; for non-convex f_s (small λ) which one depends on the start φ_s. Holds work buffers:
 * not thread-safe.
 */
final class GenericNewtonSolver
        implements StateSolver
{
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    /**
     * Largest change of one logit per iteration. Without it, a Newton step from a point where H is
     * nearly singular can land on a saturated policy (a probability ≈ 0), where F(π) ≈ 0 makes the
     * gradient vanish although the point is not stationary.
     */
    private static final double MAX_STEP = 4;
    /** A change of f below this (relative) is rounding noise, where Armijo's test is meaningless. */
    private static final double ROUNDING = 1e-13;

    private final StatePenalty penalty;
    private final OnesComplementBasis basis;
    private final double tolerance;
    private final int maxIterations;
    private final double[] gradient;
    private final double[] hessian;
    private final double[] reducedGradient;
    private final double[] reducedStep;
    private final double[] step;
    private final double[] current;
    private final DMatrixRMaj reducedHessian;
    private final DMatrixRMaj shifted;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final LinearSolverDense<DMatrixRMaj> cholesky;

    GenericNewtonSolver(TabularDistance distance, int actions, double tolerance, int maxIterations)
    {
        this.penalty = new StatePenalty(distance, actions);
        this.basis = OnesComplementBasis.of(actions, distance.shiftInvariant());
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        int k = basis.dimension();
        this.gradient = new double[actions];
        this.hessian = new double[actions * actions];
        this.reducedGradient = new double[k];
        this.reducedStep = new double[k];
        this.step = new double[actions];
        this.current = new double[actions];
        this.reducedHessian = new DMatrixRMaj(k, k);
        this.shifted = new DMatrixRMaj(k, k);
        this.rhs = new DMatrixRMaj(k, 1);
        this.solution = new DMatrixRMaj(k, 1);
        this.cholesky = LinearSolverFactory_DDRM.chol(Math.max(k, 1));
    }

    @Override
    public void solve(double[] phi, double[] q, int offset, int actions, double lambda, double[] theta)
    {
        System.arraycopy(phi, offset, theta, offset, actions);
        int k = basis.dimension();
        if (k == 0) {
            return;
        }
        double scale = 1;
        for (int a = offset; a < offset + actions; a++) {
            scale = Math.max(scale, 1 + Math.abs(q[a]));
        }
        double limit = tolerance * scale;
        double norm = reducedGradientNorm(theta, phi, q, offset, lambda);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (norm <= limit) {
                return;
            }
            boolean newton = newtonStep(theta, phi, q, offset, lambda);
            basis.expand(reducedStep, 0, step, 0);
            capStep(k);
            double slope = 0;
            for (int j = 0; j < k; j++) {
                slope += reducedGradient[j] * reducedStep[j];
            }
            norm = lineSearch(theta, phi, q, offset, lambda, slope, norm, newton, iteration);
        }
        if (norm > limit) {
            throw new ArithmeticException("state " + offset / actions + ": generic Newton solver did not converge in " + maxIterations
                    + " iterations: gradient norm " + norm + " > tolerance " + limit + " (λ = " + lambda + ")");
        }
    }

    /** Fills {@link #reducedGradient} = Uᵀ∇f_s(θ) and returns its norm. */
    private double reducedGradientNorm(double[] theta, double[] phi, double[] q, int offset, double lambda)
    {
        penalty.gradient(theta, phi, q, offset, lambda, gradient);
        basis.reduce(gradient, 0, reducedGradient, 0);
        double sum = 0;
        for (double value : reducedGradient) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * Writes the Newton direction −(UᵀHU)⁻¹Uᵀ∇f into {@link #reducedStep} and returns true; when
     * UᵀHU is not positive definite, writes the shifted direction −(UᵀHU + τI)⁻¹Uᵀ∇f with the
     * smallest τ = τ₀·10^j (τ₀ = 10⁻⁶·max(1, max|UᵀHU|)) for which Cholesky succeeds, and returns false.
     */
    private boolean newtonStep(double[] theta, double[] phi, double[] q, int offset, double lambda)
    {
        penalty.hessian(theta, phi, q, offset, lambda, hessian);
        basis.reduceMatrix(hessian, reducedHessian.data);
        double largest = 1;
        for (double entry : reducedHessian.data) {
            if (!Double.isFinite(entry)) {
                throw new ArithmeticException("state " + offset / basis.ambient() + ": lower-level Hessian has a non-finite entry " + entry + " (λ = " + lambda + ")");
            }
            largest = Math.max(largest, Math.abs(entry));
        }
        int k = reducedGradient.length;
        for (int j = 0; j < k; j++) {
            rhs.data[j] = -reducedGradient[j];
        }
        if (cholesky(reducedHessian, 0)) {
            return true;
        }
        for (double shift = 1e-6 * largest; Double.isFinite(shift); shift *= 10) {
            if (cholesky(reducedHessian, shift)) {
                return false;
            }
        }
        throw new ArithmeticException("state " + offset / basis.ambient() + ": no shift makes the lower-level Hessian positive definite (λ = " + lambda + ")");
    }

    /** Solves (UᵀHU + shift·I) d = rhs by Cholesky into {@link #reducedStep}; false if not positive definite. */
    private boolean cholesky(DMatrixRMaj matrix, double shift)
    {
        int k = matrix.numRows;
        shifted.setTo(matrix);
        for (int j = 0; j < k; j++) {
            shifted.add(j, j, shift);
        }
        if (!cholesky.setA(shifted)) {
            return false;
        }
        cholesky.solve(rhs, solution);
        for (int j = 0; j < k; j++) {
            if (!Double.isFinite(solution.data[j])) {
                return false;
            }
            reducedStep[j] = solution.data[j];
        }
        return true;
    }

    /** Scales {@link #step} and {@link #reducedStep} down so that no logit moves by more than {@link #MAX_STEP}. */
    private void capStep(int k)
    {
        double largest = 0;
        for (double value : step) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest > MAX_STEP) {
            double scale = MAX_STEP / largest;
            for (int a = 0; a < step.length; a++) {
                step[a] *= scale;
            }
            for (int j = 0; j < k; j++) {
                reducedStep[j] *= scale;
            }
        }
    }

    /** Moves θ_s along {@link #step}; returns the new reduced gradient norm. */
    private double lineSearch(double[] theta, double[] phi, double[] q, int offset, double lambda, double slope, double norm, boolean newton, int iteration)
    {
        int actions = basis.ambient();
        System.arraycopy(theta, offset, current, 0, actions);
        double f0 = penalty.value(theta, phi, q, offset, lambda);
        double t = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++) {
            for (int a = 0; a < actions; a++) {
                theta[offset + a] = current[a] + t * step[a];
            }
            double f1 = penalty.value(theta, phi, q, offset, lambda);
            if (f1 <= f0 + ARMIJO * t * slope) {
                return reducedGradientNorm(theta, phi, q, offset, lambda);
            }
            if (newton && halving == 0 && f1 <= f0 + ROUNDING * (1 + Math.abs(f0))) {
                double trialNorm = reducedGradientNorm(theta, phi, q, offset, lambda);
                if (trialNorm < norm) {
                    return trialNorm;
                }
            }
            t *= 0.5;
        }
        System.arraycopy(current, 0, theta, offset, actions);
        throw new ArithmeticException("state " + offset / actions + ": generic Newton solver's line search failed at iteration " + iteration
                + ": gradient norm " + norm + ", f = " + f0 + " (λ = " + lambda + ")");
    }
}
