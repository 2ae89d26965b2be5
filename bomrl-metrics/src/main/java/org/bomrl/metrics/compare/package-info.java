/** Built-in optimality comparators: the all-task optimum and the best single shared policy (spec §1.3). */
package org.bomrl.metrics.compare;
