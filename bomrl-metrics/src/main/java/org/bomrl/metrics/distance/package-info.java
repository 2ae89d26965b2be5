/** Built-in policy distances D_τ(π_θ, π_φ) on tabular softmax and Gaussian policies, with exact derivatives (spec §2.3–§2.5, §3.6). */
package org.bomrl.metrics.distance;
