/** Built-in optimality comparators: the all-task optimum, the best single shared policy and the best meta-parameter after adaptation (spec §1.3). */
package org.bomrl.metrics.compare;
