package org.bomrl.core.optim;

import org.bomrl.api.optim.MetaStep;
import org.bomrl.api.optim.MetaSurrogate;
import org.bomrl.api.optim.OuterOptimizer;
import org.bomrl.numerics.optim.TrustRegionStep;
import org.bomrl.numerics.optim.TrustRegionStepParameters;
import org.bomrl.numerics.optim.TrustRegionStepResult;

import java.util.Map;

/**
 * The TRPO outer step of spec §3.5 step 8 on the learner's surrogate ℓ (∇ℓ = −ĝ): s = CG(F, −∇ℓ)
 * with F the Fisher matrix of the mean KL(π_φ‖π_φ'), the full step s·√(2δ/sᵀFs), and a
 * backtracking line search on ℓ. A step that is not accepted leaves φ unchanged (as the authors'
 * code); negative curvature of F is an error naming the remedy (damping). Stateless between
 * iterations.
 */
final class TrustRegionAscent
        implements OuterOptimizer
{
    private final TrustRegionStep step;
    private long iteration;

    TrustRegionAscent(int dimension, TrustRegionStepParameters parameters)
    {
        this.step = new TrustRegionStep(dimension, parameters);
    }

    @Override
    public void step(double[] phi, MetaStep metaStep)
    {
        MetaSurrogate surrogate = metaStep.surrogate().getOrElseThrow(() -> new IllegalArgumentException(
                "meta_train.optimizer = optimizer.trpo needs a method whose learner provides an outer surrogate (Gaussian policies); use optimizer.adam"));
        double[] gradient = metaStep.gradient();
        double[] lossGradient = new double[gradient.length];
        for (int i = 0; i < gradient.length; i++) {
            lossGradient[i] = -gradient[i];
        }
        TrustRegionStepResult result = step.step(phi, lossGradient, surrogate::fisherVectorProduct, surrogate::loss);
        if (result.outcome() == TrustRegionStepResult.Outcome.NEGATIVE_CURVATURE) {
            throw new ArithmeticException("outer TRPO step, meta-iteration " + iteration + ": the Fisher matrix of the mean KL is not positive definite; set meta_train.optimizer.damping > 0");
        }
        result.parameters().ifPresent(updated -> System.arraycopy(updated, 0, phi, 0, phi.length));
        iteration++;
    }

    @Override
    public Map<String, double[]> state()
    {
        return Map.of("iterations", new double[] {iteration});
    }

    @Override
    public void restore(Map<String, double[]> state)
    {
        iteration = (long) OptimizerStates.get(state, "iterations", 1)[0];
    }
}
