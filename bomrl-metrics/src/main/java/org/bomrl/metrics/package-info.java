/** The built-in metrics plugin: policy distances, optimality comparators and report writers. */
package org.bomrl.metrics;
