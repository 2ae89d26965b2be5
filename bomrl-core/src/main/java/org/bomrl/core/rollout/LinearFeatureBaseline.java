package org.bomrl.core.rollout;

import org.bomrl.api.data.TrajectoryBatch;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The linear feature baseline of the MAML / ProMP reference code (spec §7.3): V(s_t) = wᵀf(s_t, t)
 * with features f = [s, s², t/100, (t/100)², (t/100)³, 1] (observations clipped to ±10, t the step
 * within the episode), fitted to the discounted returns of the same batch by ridge regression
 * (FᵀF + cI) w = Fᵀ Q̂ with c = 1e-5, multiplied by 10 up to 5 times while the solve is not finite.
 */
final class LinearFeatureBaseline
{
    private static final double CLIP = 10;
    private static final double INITIAL_REGULARISATION = 1e-5;

    private LinearFeatureBaseline() {}

    /** V̂ per row, fitted to {@code returns} on the same batch. */
    static double[] fitAndPredict(TrajectoryBatch batch, double[] returns)
    {
        int n = batch.steps();
        int d = batch.observationDimension();
        int k = 2 * d + 4;
        DMatrixRMaj features = new DMatrixRMaj(n, k);
        double[] observations = batch.observations();
        for (int e = 0; e < batch.episodes(); e++) {
            for (int i = batch.episodeStart(e); i < batch.episodeStart(e + 1); i++) {
                double t = (i - batch.episodeStart(e)) / 100.0;
                for (int j = 0; j < d; j++) {
                    double s = Math.max(-CLIP, Math.min(CLIP, observations[i * d + j]));
                    features.set(i, j, s);
                    features.set(i, d + j, s * s);
                }
                features.set(i, 2 * d, t);
                features.set(i, 2 * d + 1, t * t);
                features.set(i, 2 * d + 2, t * t * t);
                features.set(i, 2 * d + 3, 1);
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(features, features, gram);
        DMatrixRMaj target = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.multTransA(features, new DMatrixRMaj(n, 1, true, returns), target);
        DMatrixRMaj weights = new DMatrixRMaj(k, 1);
        double regularisation = INITIAL_REGULARISATION;
        for (int attempt = 0; attempt < 6; attempt++, regularisation *= 10) {
            DMatrixRMaj system = gram.copy();
            for (int j = 0; j < k; j++) {
                system.add(j, j, regularisation);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(k);
            if (solver.setA(system)) {
                solver.solve(target, weights);
                if (finite(weights)) {
                    DMatrixRMaj values = new DMatrixRMaj(n, 1);
                    CommonOps_DDRM.mult(features, weights, values);
                    return values.getData().clone();
                }
            }
        }
        throw new ArithmeticException("linear feature baseline, task " + batch.taskId() + ": the ridge regression has no finite solution up to regularisation " + regularisation / 10);
    }

    private static boolean finite(DMatrixRMaj matrix)
    {
        for (double value : matrix.getData()) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
