/** The built-in metrics plugin: policy distances, optimality comparators, evaluation helpers and report writers. */
package org.bomrl.metrics;
