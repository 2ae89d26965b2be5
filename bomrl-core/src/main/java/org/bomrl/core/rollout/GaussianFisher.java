package org.bomrl.core.rollout;

import org.bomrl.api.policy.GaussianPolicy;
import org.bomrl.numerics.neural.GaussianMlpPolicy;
import org.bomrl.numerics.neural.MlpLinearisation;

/**
 * The Fisher-vector product of the outer TRPO step (spec §3.5 step 8) on n states: the Hessian in
 * θ of the mean KL(π_φ‖π_θ) at θ = φ, where the KL's second-order network term vanishes, so
 * F v = (1/n) Σ_i J_μ(s_i)ᵀ diag(σ⁻²) J_μ(s_i) v + 2 v_{log σ} — one Jacobian–vector and one
 * vector–Jacobian product instead of a general Hessian-vector product. On a
 * {@link GaussianMlpPolicy} the network is linearised at φ once ({@link MlpLinearisation}), so each
 * product is one directional forward and one backward pass. Holds per-batch buffers; not
 * thread-safe.
 */
final class GaussianFisher
{
    private final GaussianPolicy policy;
    private final double[] phi;
    private final double[] observations;
    private final int n;
    private final double[] inverseVariance;
    private final double[] rMeans;
    private final double[] rLogStd;
    private final double[] gLogStd;
    private final MlpLinearisation linearised;

    GaussianFisher(GaussianPolicy policy, double[] phi, double[] observations, int n)
    {
        int actions = policy.actionDimension();
        this.policy = policy;
        this.phi = phi;
        this.observations = observations;
        this.n = n;
        double[] means = new double[n * actions];
        double[] logStd = new double[actions];
        if (policy instanceof GaussianMlpPolicy mlp) {
            this.linearised = mlp.linearise(phi, observations, n);
            System.arraycopy(phi, mlp.logStdOffset(), logStd, 0, actions);
        }
        else {
            this.linearised = null;
            policy.outputs(phi, observations, n, means, logStd);
        }
        this.inverseVariance = new double[actions];
        for (int d = 0; d < actions; d++) {
            inverseVariance[d] = Math.exp(-2 * logStd[d]);
        }
        this.rMeans = means;
        this.rLogStd = new double[actions];
        this.gLogStd = new double[actions];
    }

    /** out = F v (overwritten). */
    void apply(double[] v, double[] out)
    {
        int actions = inverseVariance.length;
        if (linearised != null) {
            linearised.outputDirectional(v, rMeans, rLogStd);
        }
        else {
            policy.outputDirectional(phi, observations, n, v, rMeans, rLogStd);
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < actions; d++) {
                rMeans[i * actions + d] *= inverseVariance[d] / n;
            }
        }
        for (int d = 0; d < actions; d++) {
            gLogStd[d] = 2 * rLogStd[d];
        }
        if (linearised != null) {
            linearised.outputGradient(rMeans, gLogStd, out);
        }
        else {
            policy.outputGradient(phi, observations, n, rMeans, gLogStd, out);
        }
    }
}
