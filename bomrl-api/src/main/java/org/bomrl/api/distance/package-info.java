/** Policy distances D_τ(π, π_φ) used as the within-task regulariser. */
package org.bomrl.api.distance;
