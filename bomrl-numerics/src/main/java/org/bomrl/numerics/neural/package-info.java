/** Gaussian MLP policies with exact derivatives, dense batch kernels and observation normalisation (spec §2.5, §3.5, §5b). */
package org.bomrl.numerics.neural;
