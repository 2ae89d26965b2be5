/** One round of data for a tabular task: estimated from rollouts (TD) or computed exactly. */
package org.bomrl.core.rollout;
