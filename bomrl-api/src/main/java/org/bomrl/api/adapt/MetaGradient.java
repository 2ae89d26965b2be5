package org.bomrl.api.adapt;

import org.bomrl.api.Experimental;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * One task's contribution to the meta-update (spec §3.2, §3.5 step 7), as data so that it can
 * travel from the machine that computed it: h = (∂θ/∂φ)ᵀ ∇_θ J(θ), the algorithm's own
 * {@code state} from which {@link GaussianAdaptation#surrogateLoss} evaluates the task's term of
 * the outer surrogate (for BO-MRL θ* and x = H⁻¹(−∇_θ J), concatenated), and whether the linear
 * solve behind h stopped early at negative curvature. Arrays are owned by the record and not
 * modified by readers.
 */
@Experimental(since = "0.2")
public record MetaGradient(double[] h, double[] state, boolean truncated)
        implements Serializable
{
    public MetaGradient
    {
        requireNonNull(h, "h is null");
        requireNonNull(state, "state is null");
    }
}
