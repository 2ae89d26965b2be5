/** Exact linear-quadratic control: the discounted finite-horizon Riccati optimum and exact returns and gradients of linear-Gaussian policies. */
package org.bomrl.numerics.lq;
