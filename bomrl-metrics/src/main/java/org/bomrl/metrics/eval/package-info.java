/** Small evaluation helpers for reports: statistics over repetitions and optimality gaps. */
package org.bomrl.metrics.eval;
