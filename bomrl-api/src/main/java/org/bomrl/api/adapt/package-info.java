/** Within-task adaptation algorithms Alg(π_φ, λ, τ) and the hypergradients of their meta-updates. */
package org.bomrl.api.adapt;
