/** Built-in policy distances D_τ(π_θ, π_φ) on tabular softmax policies, with closed-form derivatives (spec §2.3, §2.4, §3.6). */
package org.bomrl.metrics.distance;
